// A picture for a person or an organisation: choose an image, see it as it will look, save or remove.
// The member's avatar and their organisation's logo are the same editor with different endpoints.
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FilePurpose, FileView, ImageSetView } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { uploadFile } from '../api/files';
import { sessionKeys } from '../api/session';
import { Alert, Avatar, Button, Card } from '../components';

interface ImageEditorProps {
  title: string;
  /** Whose picture: the avatar's fallback colour and initials come from it. */
  owner: { id: string; name: string };
  url: string | null;
  purpose: Extract<FilePurpose, 'avatar' | 'logo'>;
  /** PUT { fileId } sets the picture, DELETE removes it. */
  endpoint: string;
  hint: string;
  noun: string;
}

function ImageEditor({ title, owner, url, purpose, endpoint, hint, noun }: ImageEditorProps) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<FileView | null>(null);
  const upload = useMutation({ mutationFn: (file: File) => uploadFile(purpose, file), onSuccess: setPreview });
  const save = useMutation({
    mutationFn: async (fileId: string | null) => {
      if (fileId) await api.put<ImageSetView>(endpoint, { fileId });
      else await api.delete<void>(endpoint);
    },
    onSuccess: () => {
      setPreview(null);
      void client.invalidateQueries({ queryKey: sessionKeys.me });
    },
  });
  const failure = upload.error ?? save.error;
  const inputId = `${purpose}-file`;

  return (
    <Card title={title} level={2}>
      <div className="avatar-editor">
        <Avatar id={owner.id} name={owner.name} url={preview?.url ?? url} size="lg" />
        <div>
          <p className="forum-meta">{hint}</p>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
              e.target.value = '';
            }}
          />
          <Button type="button" variant="secondary" onClick={() => input.current?.click()} disabled={upload.isPending}>
            {upload.isPending ? 'Uploading…' : `Choose a ${noun}`}
          </Button>{' '}
          {preview && (
            <Button type="button" onClick={() => save.mutate(preview.id)} disabled={save.isPending}>
              Use this {noun}
            </Button>
          )}
          {!preview && url && (
            <Button type="button" variant="ghost" onClick={() => save.mutate(null)} disabled={save.isPending}>
              Remove {noun}
            </Button>
          )}
          {failure && <Alert tone="danger">{errorMessage(failure)}</Alert>}
        </div>
      </div>
    </Card>
  );
}

export function AvatarEditor({ userId, name, url }: { userId: string; name: string; url: string | null }) {
  return (
    <ImageEditor
      title="Your picture"
      owner={{ id: userId, name }}
      url={url}
      purpose="avatar"
      endpoint="/me/avatar"
      noun="picture"
      hint="A JPEG, PNG, GIF or WebP of up to 2 MB. It is cropped to a square around the face or the middle; location and camera details are removed."
    />
  );
}

export function LogoEditor({ organisation }: { organisation: { id: string; name: string; logoUrl: string | null } }) {
  return (
    <ImageEditor
      title={`${organisation.name}’s logo`}
      owner={{ id: organisation.id, name: organisation.name }}
      url={organisation.logoUrl}
      purpose="logo"
      endpoint={`/organisations/${organisation.id}/logo`}
      noun="logo"
      hint="A JPEG, PNG, GIF or WebP of up to 2 MB, shown beside your organisation's name. Members of the organisation can change it."
    />
  );
}
