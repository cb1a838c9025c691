import type { User } from '@market/contracts'

/** Who an account is: name, company and email. */
export const UserCell = ({ user }: { user: User }) => (
  <div class="who">
    <span class="who__name">{user.name}</span>
    <span class="who__meta">{user.company.name}</span>
    <span class="who__meta">{user.email}</span>
  </div>
)
