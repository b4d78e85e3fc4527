// /my-stories/new and /my-stories/:id: the author writes the story (with a preview), its outcomes,
// the members and organisations it credits and its cover, saves the draft and submits it.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CreateStoryRequest, ForumPreviewView, PublicProfileView, StoryView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { uploadFile } from '../../api/files';
import { useSession } from '../../api/session';
import { STATUS_LABELS, storyByIdQuery, storyKeys } from '../../api/stories';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import {
  ActionFeedback,
  Alert,
  Badge,
  Button,
  Card,
  FormError,
  PageTitle,
  Select,
  Spinner,
  Tabs,
  TextArea,
  TextField,
  useForm,
} from '../../components';

interface Credit {
  userId: string;
  displayName: string;
  role: string;
}

interface StoryForm {
  title: string;
  summary: string;
  body: string;
  sector: string;
  region: string;
  stage: string;
  outcomes: { label: string; value: string }[];
  memberCredits: Credit[];
  organisationCredits: { name: string; role: string }[];
  coverAlt: string;
}

const EMPTY: StoryForm = {
  title: '',
  summary: '',
  body: '',
  sector: '',
  region: '',
  stage: '',
  outcomes: [{ label: '', value: '' }],
  memberCredits: [],
  organisationCredits: [],
  coverAlt: '',
};

function formOf(story: StoryView): StoryForm {
  return {
    title: story.title,
    summary: story.summary,
    body: story.body,
    sector: story.sector,
    region: story.region ?? '',
    stage: story.stage ?? '',
    outcomes: story.outcomes.length ? story.outcomes : [{ label: '', value: '' }],
    memberCredits: story.memberCredits
      .filter((c) => c.userId !== story.author.id)
      .map((c) => ({ userId: c.userId, displayName: c.displayName, role: c.role })),
    organisationCredits: story.organisationCredits.map((c) => ({ name: c.name, role: c.role })),
    coverAlt: story.cover?.alt ?? '',
  };
}

function requestOf(values: StoryForm, organisationId: string | null): CreateStoryRequest {
  return {
    title: values.title,
    summary: values.summary,
    body: values.body,
    sector: values.sector,
    ...(values.region && { region: values.region }),
    ...(values.stage && { stage: values.stage }),
    ...(organisationId && { organisationId }),
    outcomes: values.outcomes.filter((o) => o.label.trim() || o.value.trim()),
    memberCredits: values.memberCredits.map((c) => ({ userId: c.userId, role: c.role })),
    organisationCredits: values.organisationCredits.filter((c) => c.name.trim()).map((c) => ({ name: c.name, role: c.role })),
    coverAlt: values.coverAlt,
  };
}

export function StoryEditorPage() {
  const { id } = useParams();
  const story = useQuery({ ...storyByIdQuery(id ?? ''), enabled: Boolean(id) });
  if (id && story.error) return <Alert tone="danger">{errorMessage(story.error)}</Alert>;
  if (id && !story.data) return <Spinner />;
  return <Editor key={story.data?.updatedAt ?? 'new'} story={story.data ?? null} />;
}

function Editor({ story }: { story: StoryView | null }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me } = useSession();
  const { taxonomy } = useTaxonomy();
  const form = useForm<StoryForm>(story ? formOf(story) : EMPTY);
  const [cover, setCover] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editable = !story || story.permissions.edit;
  const values = form.values;

  const save = async (values: StoryForm): Promise<StoryView> => {
    const coverFileId = cover ? (await uploadFile('cover', cover)).id : undefined;
    const body = { ...requestOf(values, me?.profile.organisationId ?? null), ...(coverFileId && { coverFileId }) };
    const saved = story ? await api.patch<StoryView>(`/stories/${story.id}`, body) : await api.post<StoryView>('/stories', body);
    setCover(null);
    client.setQueryData(storyKeys.byId(saved.id), saved);
    await client.invalidateQueries({ queryKey: storyKeys.mine() });
    return saved;
  };

  const saveDraft = form.handleSubmit(async (values) => {
    const saved = await save(values);
    setNotice('Draft saved.');
    if (!story) navigate(`/my-stories/${saved.id}`, { replace: true });
  });

  const submit = form.handleSubmit(async (values) => {
    const saved = await save(values);
    await api.post<StoryView>(`/stories/${saved.id}/submit`);
    await client.invalidateQueries({ queryKey: storyKeys.all });
    navigate('/my-stories', { state: { notice: 'Your story is submitted. The people it credits are asked for their consent.' } });
  });

  const withdraw = useMutation({
    mutationFn: () => api.post<StoryView>(`/stories/${story!.id}/withdraw`, {}),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: storyKeys.all });
      navigate('/my-stories');
    },
  });

  return (
    <>
      <p>
        <Link to="/my-stories">Your stories</Link>
      </p>
      <PageTitle
        title={story ? `Edit: ${story.title}` : 'Tell your story'}
        lead="The service and the community it serves, the spin-out, what changed for staff and service users, and outcomes with numbers."
      />
      {story && (
        <p>
          Status: <Badge>{STATUS_LABELS[story.status]}</Badge>
        </p>
      )}
      {story?.status === 'changes_requested' && story.reason && (
        <Alert tone="warning" title="A coordinator asked for changes">
          {story.reason}
        </Alert>
      )}
      {!editable && <Alert tone="info">This story is {STATUS_LABELS[story!.status].toLowerCase()}: it can no longer be edited.</Alert>}
      <ActionFeedback notice={notice} error={withdraw.error} />
      <form onSubmit={saveDraft} noValidate className="story-form">
        <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
        <fieldset disabled={!editable}>
          <legend className="visually-hidden">Your story</legend>
          <TextField label="Title" {...form.text('title')} />
          <TextArea
            label="Summary"
            hint="One or two sentences: shown in lists, previews and search results"
            rows={3}
            {...form.text('summary')}
          />
          <BodyField value={values.body} error={form.errors.body} onChange={(body) => form.set('body', body)} />
          <Select label="Sector" placeholder="Choose…" options={termOptions(taxonomy?.sectors)} {...form.text('sector')} />
          <Select
            label="Region"
            optional
            placeholder="Your organisation's"
            options={termOptions(taxonomy?.regions)}
            {...form.text('region')}
          />
          <Select
            label="Journey stage"
            optional
            placeholder="Your organisation's"
            options={termOptions(taxonomy?.stages)}
            {...form.text('stage')}
          />

          <fieldset className="story-rows">
            <legend>Outcomes</legend>
            <p className="muted">Numbers that show what changed: staff who became members, contracts won, income, people served.</p>
            {values.outcomes.map((_, i) => (
              <div className="story-row" key={i}>
                <TextField label={`Outcome ${i + 1}`} hint="e.g. Staff who became members" {...form.text(`outcomes.${i}.label`)} />
                <TextField label={`Outcome ${i + 1} value`} hint="e.g. 312" {...form.text(`outcomes.${i}.value`)} />
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    form.set(
                      'outcomes',
                      values.outcomes.filter((__, j) => j !== i),
                    )
                  }
                >
                  Remove outcome {i + 1}
                </Button>
              </div>
            ))}
            <Button variant="secondary" size="sm" onClick={() => form.set('outcomes', [...values.outcomes, { label: '', value: '' }])}>
              Add an outcome
            </Button>
          </fieldset>

          <fieldset className="story-rows">
            <legend>People credited</legend>
            <p className="muted">Everyone named is asked for consent when you submit; the story is published only once they all agree.</p>
            {values.memberCredits.map((credit, i) => (
              <div className="story-row" key={credit.userId}>
                <p>{credit.displayName}</p>
                <TextField
                  label={`Role of ${credit.displayName}`}
                  hint="e.g. Mentor, Finance director"
                  {...form.text(`memberCredits.${i}.role`)}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    form.set(
                      'memberCredits',
                      values.memberCredits.filter((c) => c.userId !== credit.userId),
                    )
                  }
                >
                  Remove {credit.displayName}
                </Button>
              </div>
            ))}
            <MemberPicker
              exclude={[me?.user.id ?? '', ...values.memberCredits.map((c) => c.userId)]}
              onPick={(member) =>
                form.set('memberCredits', [...values.memberCredits, { userId: member.id, displayName: member.displayName, role: '' }])
              }
            />
          </fieldset>

          <fieldset className="story-rows">
            <legend>Organisations credited</legend>
            {values.organisationCredits.map((_, i) => (
              <div className="story-row" key={i}>
                <TextField label={`Organisation ${i + 1}`} {...form.text(`organisationCredits.${i}.name`)} />
                <TextField
                  label={`Organisation ${i + 1} role`}
                  hint="e.g. Commissioner, VCSE partner"
                  {...form.text(`organisationCredits.${i}.role`)}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    form.set(
                      'organisationCredits',
                      values.organisationCredits.filter((__, j) => j !== i),
                    )
                  }
                >
                  Remove organisation {i + 1}
                </Button>
              </div>
            ))}
            <Button
              variant="secondary"
              size="sm"
              onClick={() => form.set('organisationCredits', [...values.organisationCredits, { name: '', role: '' }])}
            >
              Add an organisation
            </Button>
          </fieldset>

          <fieldset className="story-rows">
            <legend>Cover image</legend>
            {story?.cover && <img className="story-card-cover" src={story.cover.url} alt={story.cover.alt} />}
            <label className="field-label" htmlFor="story-cover">
              {story?.cover ? 'Replace the cover image' : 'Cover image'} (JPEG, PNG, GIF or WebP; only you see it until the story is
              published)
            </label>
            <input id="story-cover" type="file" accept="image/*" onChange={(e) => setCover(e.target.files?.[0] ?? null)} />
            {form.errors.coverFileId && <p className="field-error">{form.errors.coverFileId}</p>}
            <TextField label="Describe the image" hint="For people who cannot see it" {...form.text('coverAlt')} />
          </fieldset>

          <div className="forum-actions">
            <Button type="submit" variant="secondary" busy={form.submitting}>
              Save draft
            </Button>
            <Button onClick={() => void submit()} busy={form.submitting}>
              Submit for review
            </Button>
          </div>
        </fieldset>
      </form>
      {story?.permissions.withdraw && (
        <p>
          <Button variant="ghost" onClick={() => withdraw.mutate()} busy={withdraw.isPending}>
            Withdraw this story
          </Button>
        </p>
      )}
    </>
  );
}

/** Markdown with Write and Preview tabs; the preview comes from the server's renderer. */
function BodyField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (value: string) => void }) {
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const preview = useMutation({ mutationFn: (body: string) => api.post<ForumPreviewView>('/forums/preview', { body }) });
  return (
    <Tabs
      label="Story: write or preview"
      idPrefix="story-body"
      selected={tab}
      onSelect={(next) => {
        setTab(next);
        if (next === 'preview') preview.mutate(value);
      }}
      tabs={[
        { id: 'write', label: 'Write' },
        { id: 'preview', label: 'Preview' },
      ]}
    >
      {tab === 'write' ? (
        <TextArea
          label="Story"
          name="body"
          hint="Markdown: ## heading, **bold**, - list, [link](https://…)"
          rows={14}
          value={value}
          error={error}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : preview.error ? (
        <p>{errorMessage(preview.error)}</p>
      ) : !preview.data ? (
        <p>Rendering preview…</p>
      ) : (
        <div className="forum-post-body story-body" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
      )}
    </Tabs>
  );
}

/** Finds a member by name to credit. */
function MemberPicker({ exclude, onPick }: { exclude: string[]; onPick: (member: PublicProfileView) => void }) {
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const found = useQuery({
    queryKey: ['members', 'story-credit', query],
    queryFn: ({ signal }) => api.get<{ items: PublicProfileView[] }>('/members', { query: { q: query, limit: 8 }, signal }),
    enabled: query.length > 1,
  });
  useEffect(() => {
    const timer = setTimeout(() => setQuery(words.trim()), 300);
    return () => clearTimeout(timer);
  }, [words]);
  const matches = (found.data?.items ?? []).filter((m) => !exclude.includes(m.id));
  return (
    <Card title="Credit a member" level={3}>
      <TextField label="Find a member by name" name="creditSearch" value={words} onChange={(e) => setWords(e.target.value)} />
      {query.length > 1 && found.isSuccess && matches.length === 0 && <p className="muted">Nobody found.</p>}
      <ul className="link-list">
        {matches.map((member) => (
          <li key={member.id}>
            {member.displayName}
            {member.organisation && ` (${member.organisation.name})`}{' '}
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                onPick(member);
                setWords('');
              }}
            >
              Credit {member.displayName}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
