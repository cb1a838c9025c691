/** What just happened, said once: the live region stays in the page (a hidden one may not be announced) and shows only when it speaks. */
export const Announcement = ({ message }: { message: string }) => (
  <p class="announcement" role="status">
    {message}
  </p>
)
