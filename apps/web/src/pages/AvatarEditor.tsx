// The member's picture on their profile: choose an image, see it cropped square, save or remove.
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileView, ImageSetView } from '@mutuals/contracts';
import { api, errorMessage } from '../api/client';
import { uploadFile } from '../api/files';
import { sessionKeys } from '../api/session';
import { Alert, Avatar, Button, Card } from '../components';

export function AvatarEditor({ userId, name, url }: { userId: string; name: string; url: string | null }) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<FileView | null>(null);
  const upload = useMutation({ mutationFn: (file: File) => uploadFile('avatar', file), onSuccess: setPreview });
  const save = useMutation({
    mutationFn: async (fileId: string | null) => {
      if (fileId) await api.put<ImageSetView>('/me/avatar', { fileId });
      else await api.delete<void>('/me/avatar');
    },
    onSuccess: () => {
      setPreview(null);
      void client.invalidateQueries({ queryKey: sessionKeys.me });
    },
  });
  const failure = upload.error ?? save.error;

  return (
    <Card title="Your picture" level={2}>
      <div className="avatar-editor">
        <Avatar id={userId} name={name} url={preview?.url ?? url} size="lg" />
        <div>
          <p className="forum-meta">A JPEG, PNG, GIF or WebP of up to 2 MB. It is cropped to a square around the face or the middle; location and camera details are removed.</p>
          <input
            ref={input}
            id="avatar-file"
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
            {upload.isPending ? 'Uploading…' : 'Choose a picture'}
          </Button>{' '}
          {preview && (
            <Button type="button" onClick={() => save.mutate(preview.id)} disabled={save.isPending}>
              Use this picture
            </Button>
          )}
          {!preview && url && (
            <Button type="button" variant="ghost" onClick={() => save.mutate(null)} disabled={save.isPending}>
              Remove picture
            </Button>
          )}
          {failure && <Alert tone="danger">{errorMessage(failure)}</Alert>}
        </div>
      </div>
    </Card>
  );
}
