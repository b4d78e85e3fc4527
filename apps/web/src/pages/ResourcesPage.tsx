// /resources: the programme's library of guides and templates. Search by words, filter by
// support area and journey stage, download (counted), and publish one of your own.
import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateResourceRequest, ResourceQuery, ResourceView } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { formatSize, resourceKeys, resourcesQuery, uploadFile } from '../api/files';
import { pageItems } from '../api/queryClient';
import { useSession } from '../api/session';
import { termName, termOptions, useTaxonomy } from '../api/taxonomy';
import {
  Alert,
  Avatar,
  Button,
  Card,
  EmptyState,
  FormError,
  LoadMore,
  PageTitle,
  Select,
  Spinner,
  TextArea,
  TextField,
  useForm,
} from '../components';

export function ResourcesPage() {
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const [filter, setFilter] = useState<ResourceQuery>({});
  const [words, setWords] = useState('');
  const list = useInfiniteQuery(resourcesQuery(filter));
  const items = pageItems(list.data);
  const canPublish = me?.user.status === 'active';

  return (
    <>
      <PageTitle
        title="Resources"
        lead="Guides and templates from coordinators and members: options appraisals, business cases, TUPE and pensions, bids and more."
      />
      <form
        className="resource-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter((f) => ({ ...f, q: words.trim() || undefined }));
        }}
      >
        <TextField label="Search" name="q" value={words} onChange={(e) => setWords(e.target.value)} />
        <Select
          label="Support area"
          name="supportArea"
          placeholder="Any"
          options={termOptions(taxonomy?.supportAreas)}
          value={filter.supportArea ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, supportArea: e.target.value || undefined }))}
        />
        <Select
          label="Journey stage"
          name="stage"
          placeholder="Any"
          options={termOptions(taxonomy?.stages)}
          value={filter.stage ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, stage: e.target.value || undefined }))}
        />
        <Button type="submit">Search</Button>
      </form>
      {list.isPending && <Spinner />}
      {list.error && <Alert tone="danger">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && items.length === 0 && <EmptyState title="No resources match" />}
      <ul className="resource-list">
        {items.map((resource) => (
          <ResourceItem
            key={resource.id}
            resource={resource}
            areaName={termName(taxonomy?.supportAreas, resource.supportArea)}
            stageName={termName(taxonomy?.stages, resource.stage)}
          />
        ))}
      </ul>
      <LoadMore query={list} />
      {canPublish && <PublishForm />}
    </>
  );
}

function ResourceItem({ resource, areaName, stageName }: { resource: ResourceView; areaName: string; stageName: string }) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete<void>(`/resources/${resource.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.all }),
  });
  return (
    <li className="card resource">
      <h2 className="card-title">{resource.title}</h2>
      <p>{resource.summary}</p>
      <p className="forum-meta">
        {areaName} · {stageName} · <Avatar id={resource.author.id} name={resource.author.displayName} url={resource.author.avatarUrl} />{' '}
        {resource.author.displayName} · {resource.downloadCount} {resource.downloadCount === 1 ? 'download' : 'downloads'}
      </p>
      <a
        className="button button-secondary"
        href={`/api/v1/resources/${resource.id}/download`}
        onClick={() => void client.invalidateQueries({ queryKey: resourceKeys.all })}
      >
        Download {resource.file.name} ({formatSize(resource.file.size)})
      </a>{' '}
      {resource.canDelete && (
        <Button variant="ghost" size="sm" onClick={() => remove.mutate()} disabled={remove.isPending}>
          Remove
        </Button>
      )}
    </li>
  );
}

type PublishValues = Omit<CreateResourceRequest, 'fileId'>;

function PublishForm() {
  const client = useQueryClient();
  const { taxonomy } = useTaxonomy();
  const [file, setFile] = useState<File | null>(null);
  const [published, setPublished] = useState(false);
  const form = useForm<PublishValues>({ title: '', summary: '', supportArea: '', stage: '' });

  const submit = form.handleSubmit(async (values) => {
    if (!file) {
      form.setErrors({ fileId: 'Choose the document to publish' });
      throw new Error('Choose the document to publish');
    }
    const uploaded = await uploadFile('resource', file);
    await api.post<ResourceView>('/resources', { ...values, fileId: uploaded.id });
    form.reset({ title: '', summary: '', supportArea: '', stage: '' });
    setFile(null);
    setPublished(true);
    await client.invalidateQueries({ queryKey: resourceKeys.all });
  });

  return (
    <Card title="Publish a resource" level={2}>
      {published && <Alert tone="success">Your resource is published.</Alert>}
      <form onSubmit={submit} noValidate>
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <TextField label="Title" {...form.text('title')} />
        <TextArea label="Summary" hint="What it is and when it helps" {...form.text('summary')} />
        <Select label="Support area" placeholder="Choose…" options={termOptions(taxonomy?.supportAreas)} {...form.text('supportArea')} />
        <Select label="Journey stage" placeholder="Choose…" options={termOptions(taxonomy?.stages)} {...form.text('stage')} />
        <label className="field-label" htmlFor="resource-file">
          Document (PDF, Office, OpenDocument, text, Markdown or CSV; up to 25 MB)
        </label>
        <input id="resource-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {form.errors.fileId && <p className="field-error">{form.errors.fileId}</p>}
        <p>
          <Button type="submit" busy={form.submitting}>
            Publish
          </Button>
        </p>
      </form>
    </Card>
  );
}
