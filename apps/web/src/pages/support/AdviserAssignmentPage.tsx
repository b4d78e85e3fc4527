// /adviser/assignments/:id: log days delivered, upload deliverables, mark the work delivered.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import type { SupportApplicationView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { uploadFile } from '../../api/files';
import { applicationQuery, supportKeys } from '../../api/support';
import { termName, useTaxonomy } from '../../api/taxonomy';
import { ActionFeedback, Alert, Button, Card, PageTitle, Select, Spinner, TextArea, TextField } from '../../components';
import { ApplicationSummary } from './supportParts';

export function AdviserAssignmentPage() {
  const { id = '' } = useParams();
  const query = useQuery(applicationQuery(id));
  if (query.isPending) return <Spinner />;
  if (query.error) return <Alert tone="danger">{errorMessage(query.error)}</Alert>;
  const application = query.data;
  return (
    <>
      <PageTitle title={`Assignment ${application.reference}`} lead={`${application.organisation.name}: funded advice`} />
      <ApplicationSummary application={application} />
      {application.permissions.log && <DeliveryCard application={application} />}
    </>
  );
}

function DeliveryCard({ application }: { application: SupportApplicationView }) {
  const client = useQueryClient();
  const { taxonomy } = useTaxonomy();
  const [log, setLog] = useState({
    area: application.allocations[0]?.area ?? '',
    date: new Date().toISOString().slice(0, 10),
    days: '1',
    note: '',
  });
  const [doc, setDoc] = useState<{ title: string; file: File | null }>({ title: '', file: null });
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (text: string) => (view: SupportApplicationView) => {
    client.setQueryData(supportKeys.one(view.id), view);
    setNotice(text);
  };
  const logDays = useMutation({
    mutationFn: () => api.post<SupportApplicationView>(`/adviser/assignments/${application.id}/logs`, { ...log, days: Number(log.days) }),
    onSuccess: saved('Days logged.'),
  });
  const addDeliverable = useMutation({
    mutationFn: async () => {
      const file = await uploadFile('attachment', doc.file!);
      return api.post<SupportApplicationView>(`/adviser/assignments/${application.id}/deliverables`, { fileId: file.id, title: doc.title });
    },
    onSuccess: (view) => {
      saved('Deliverable uploaded.')(view);
      setDoc({ title: '', file: null });
    },
  });
  const complete = useMutation({
    mutationFn: () => api.post<SupportApplicationView>(`/adviser/assignments/${application.id}/complete`),
    onSuccess: saved('Marked delivered: the applicant is asked to confirm.'),
  });
  return (
    <Card title="Delivery">
      <ActionFeedback notice={notice} error={logDays.error ?? addDeliverable.error ?? complete.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          logDays.mutate();
        }}
      >
        <h3>Log days delivered</h3>
        <Select
          label="Area"
          name="log-area"
          options={application.allocations.map((a) => ({
            value: a.area,
            label: `${termName(taxonomy?.supportAreas, a.area)} (${a.deliveredDays} of ${a.days} days)`,
          }))}
          value={log.area}
          onChange={(e) => setLog((l) => ({ ...l, area: e.target.value }))}
        />
        <TextField
          label="Date"
          name="log-date"
          type="date"
          value={log.date}
          onChange={(e) => setLog((l) => ({ ...l, date: e.target.value }))}
        />
        <TextField
          label="Days"
          name="log-days"
          inputMode="decimal"
          hint="In half-day steps"
          value={log.days}
          onChange={(e) => setLog((l) => ({ ...l, days: e.target.value }))}
        />
        <TextArea
          label="Note"
          name="log-note"
          rows={2}
          value={log.note}
          onChange={(e) => setLog((l) => ({ ...l, note: e.target.value }))}
        />
        <Button type="submit" busy={logDays.isPending}>
          Log days
        </Button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          addDeliverable.mutate();
        }}
      >
        <h3>Upload a deliverable</h3>
        <TextField
          label="Title"
          name="deliverable-title"
          hint="An options appraisal, a business plan, a financial model…"
          value={doc.title}
          onChange={(e) => setDoc((d) => ({ ...d, title: e.target.value }))}
        />
        <div className="field">
          <label htmlFor="deliverable-file" className="field-label">
            Document
          </label>
          <input id="deliverable-file" type="file" onChange={(e) => setDoc((d) => ({ ...d, file: e.target.files?.[0] ?? null }))} />
        </div>
        <Button type="submit" busy={addDeliverable.isPending} disabled={!doc.file || doc.title.trim().length < 3}>
          Upload
        </Button>
      </form>
      {application.permissions.complete && (
        <>
          <h3>Finished?</h3>
          <Button
            variant="secondary"
            busy={complete.isPending}
            disabled={application.deliveredPence === 0}
            onClick={() => complete.mutate()}
          >
            Mark the work delivered
          </Button>
        </>
      )}
    </Card>
  );
}
