import { ButtonLink, EmptyState, PageTitle } from '../components';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found" />
      <EmptyState title="There is nothing at this address." action={<ButtonLink to="/">Go to the home page</ButtonLink>}>
        <p>If you typed the address, check it is correct. If you followed a link, it may be out of date.</p>
      </EmptyState>
    </>
  );
}
