/** A supplier's name wherever it appears: the way to its public page. */
export const SupplierLink = ({ id, company }: { id: string; company: string }) => (
  <a href={`/suppliers/${id}`} class="supplier-link" data-supplier-link={id}>
    {company}
  </a>
)
