// /support/apply: a new application, saved as a draft at the first step.
import { PageTitle } from '../../components';
import { ApplicationForm } from './ApplicationForm';

export function SupportApplyPage() {
  return (
    <>
      <PageTitle title="Apply for funded advice" lead="Four short steps; each one saves your draft, so you can stop and come back." />
      <ApplicationForm application={null} />
    </>
  );
}
