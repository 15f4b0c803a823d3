import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty-state" data-testid="not-found">
      <p className="empty-state__code">404</p>
      <h1>Not found</h1>
      <p>There is no page or scenario at this address. It may have been renamed or failed validation.</p>
      <Link href="/scenarios" className="button button--primary">
        Back to scenarios
      </Link>
    </div>
  );
}
