import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider, useRouteError, type RouteObject } from 'react-router-dom';
import { errorMessage } from './api/client';
import { queryClient } from './api/queryClient';
import { Alert, ButtonLink, Layout, PageTitle, RequireAuth } from './components';
import { NotFoundPage } from './pages/NotFoundPage';
import { routes } from './routes';

function RouteError() {
  const error = useRouteError();
  return (
    <>
      <PageTitle title="Something went wrong" />
      <Alert tone="danger" role="alert">
        <p>{errorMessage(error)}</p>
      </Alert>
      <p>
        <ButtonLink to="/" variant="secondary">
          Go to the home page
        </ButtonLink>
      </p>
    </>
  );
}

const pages: RouteObject[] = routes.map(({ path, element, auth }) => ({
  path,
  element: auth ? <RequireAuth level={auth}>{element}</RequireAuth> : element,
}));

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [{ errorElement: <RouteError />, children: [...pages, { path: '*', element: <NotFoundPage /> }] }],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
