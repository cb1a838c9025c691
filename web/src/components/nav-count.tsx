/** A count as a badge shows it: the API stops counting at 100, so anything above 99 is "99+". */
export const countText = (n: number) => (n > 99 ? '99+' : String(n))

/** How many things wait behind a navigation item; nothing when none do. */
export const NavCount = ({ n }: { n: number }) =>
  n > 0 ? (
    <span class="nav-count" data-count={n} aria-hidden="true">
      {countText(n)}
    </span>
  ) : null
