import type { Child } from 'hono/jsx'

/** A page's heading with what it offers beside it (a link to add, to export), and the line that introduces it. */
export const PageHead = ({ title, lead, children }: { title: string; lead?: string; children?: Child }) => (
  <>
    <div class="page-head">
      <h1>{title}</h1>
      {children}
    </div>
    {lead && <p class="lead">{lead}</p>}
  </>
)
