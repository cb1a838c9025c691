import type { Child } from 'hono/jsx'

/**
 * A table that, on a phone, turns each row into a small card of label–value lines (each cell
 * names its column in `data-label`). A column given as null is left out.
 */
export const StackedTable = ({
  columns,
  class: extra,
  caption,
  data,
  children,
}: {
  columns: (string | null)[]
  class?: string
  caption?: string
  data?: Record<`data-${string}`, boolean>
  children: Child
}) => (
  <div class="table-wrap table-wrap--stack">
    <table class={extra ? `table table--stack ${extra}` : 'table table--stack'} {...data}>
      {caption && <caption class="visually-hidden">{caption}</caption>}
      <thead>
        <tr>{columns.map((column) => column !== null && <th scope="col">{column}</th>)}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
)
