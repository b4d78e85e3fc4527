// /admin/forums/categories: coordinators create, edit, reorder and archive the forum categories.
// Archived categories are hidden from members and read-only; they can be brought back.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ForumCategoryView } from '@mutuals/contracts';
import { api } from '../../api/client';
import { adminCategoriesQuery, forumKeys } from '../../api/forums';
import {
  Badge,
  Button,
  Card,
  Confirm,
  EmptyState,
  FormError,
  PageTitle,
  Spinner,
  TextArea,
  TextField,
  useForm,
  type FieldErrors,
  ActionFeedback,
} from '../../components';

interface CategoryValues {
  name: string;
  slug: string;
  description: string;
}

/** "Legal and governance" → "legal-and-governance", the slug the API expects. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

function CategoryForm({ category, onDone }: { category?: ForumCategoryView; onDone: (saved: ForumCategoryView) => void }) {
  const form = useForm<CategoryValues>(
    { name: category?.name ?? '', slug: category?.slug ?? '', description: category?.description ?? '' },
    { validate: (v): FieldErrors => (v.name.trim().length < 2 ? { name: 'Give the category a name of two letters or more' } : {}) },
  );
  const submit = form.handleSubmit(async (values) => {
    const body = { name: values.name.trim(), description: values.description.trim() };
    onDone(
      category
        ? await api.patch<ForumCategoryView>(`/admin/forums/categories/${category.id}`, body)
        : await api.post<ForumCategoryView>('/admin/forums/categories', { ...body, slug: values.slug || slugOf(values.name) }),
    );
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormError error={form.formError} fieldErrors={form.errors} focusKey={form.failures} />
      <TextField label="Name" {...form.text('name')} />
      {!category && (
        <TextField
          label="Address"
          optional
          hint={`/forums/c/${form.values.slug || slugOf(form.values.name) || '…'}`}
          {...form.text('slug')}
        />
      )}
      <TextArea label="Description" optional rows={2} {...form.text('description')} />
      <div className="actions">
        <Button type="submit" busy={form.submitting}>
          {category ? 'Save' : 'Create category'}
        </Button>
      </div>
    </form>
  );
}

export function AdminCategoriesPage() {
  const client = useQueryClient();
  const { data: categories, error: loadError } = useQuery(adminCategoriesQuery());
  const [editing, setEditing] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<ForumCategoryView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const saved = (message: string) => {
    void client.invalidateQueries({ queryKey: forumKeys.all });
    setNotice(message);
  };
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api.put<ForumCategoryView[]>('/admin/forums/categories/order', { ids }),
    onSuccess: (ordered) => {
      client.setQueryData(adminCategoriesQuery().queryKey, ordered);
      saved('The new order is saved.');
    },
  });
  const archive = useMutation({
    mutationFn: ({ category, value }: { category: ForumCategoryView; value: boolean }) =>
      api.post<ForumCategoryView>(`/admin/forums/categories/${category.id}/archive`, { value }),
    onSuccess: (category, { value }) => {
      setArchiving(null);
      saved(value ? `${category.name} is archived: members no longer see it, and its threads are read-only.` : `${category.name} is back.`);
    },
  });

  const move = (index: number, by: -1 | 1) => {
    if (!categories) return;
    const ids = categories.map((c) => c.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    reorder.mutate(ids);
  };
  const error = loadError ?? reorder.error ?? archive.error;

  return (
    <>
      <PageTitle
        title="Forum categories"
        lead="The places members post. Order them as members should meet them; archive the ones no longer needed."
      />
      <ActionFeedback notice={notice} error={error} />
      <Card title="New category">
        <CategoryForm key={categories?.length ?? 0} onDone={(c) => saved(`${c.name} is created.`)} />
      </Card>
      <h2>Categories</h2>
      {!categories ? (
        !loadError && <Spinner label="Loading categories" />
      ) : categories.length === 0 ? (
        <EmptyState title="No categories yet." />
      ) : (
        <ol className="plain-list">
          {categories.map((c, index) => (
            <li key={c.id} className="card">
              <div className="row-between">
                <h3>
                  {c.name} {c.archivedAt && <Badge tone="neutral">Archived</Badge>}
                </h3>
                <div className="button-row">
                  <Button size="sm" variant="ghost" disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>
                    Move up<span className="visually-hidden"> {c.name}</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === categories.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    Move down<span className="visually-hidden"> {c.name}</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-expanded={editing === c.id}
                    onClick={() => setEditing(editing === c.id ? null : c.id)}
                  >
                    Edit<span className="visually-hidden"> {c.name}</span>
                  </Button>
                  {c.archivedAt ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      busy={archive.isPending}
                      onClick={() => archive.mutate({ category: c, value: false })}
                    >
                      Bring back<span className="visually-hidden"> {c.name}</span>
                    </Button>
                  ) : (
                    <Button size="sm" variant="danger" onClick={() => setArchiving(c)}>
                      Archive<span className="visually-hidden"> {c.name}</span>
                    </Button>
                  )}
                </div>
              </div>
              <p className="muted">
                {c.description || 'No description.'} · {c.threadCount} threads
              </p>
              {archiving?.id === c.id && (
                <Confirm
                  title={`Archive ${c.name}?`}
                  confirmLabel="Archive category"
                  variant="danger"
                  busy={archive.isPending}
                  onConfirm={() => archive.mutate({ category: c, value: true })}
                  onCancel={() => setArchiving(null)}
                >
                  <p>
                    Members stop seeing it in the forums; its {c.threadCount} threads stay readable by link but nobody can post in them. You
                    can bring it back.
                  </p>
                </Confirm>
              )}
              {editing === c.id && (
                <CategoryForm
                  category={c}
                  onDone={(updated) => {
                    setEditing(null);
                    saved(`${updated.name} is saved.`);
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
