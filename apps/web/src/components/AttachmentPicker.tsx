// Adds files to a post or a message: pick, paste or drop. Each is uploaded at once (so that a
// large one is refused before sending), previewed, and an image asks for its alt text.
import { useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { AttachmentInput, FileView } from '@mutuals/contracts';
import { errorMessage } from '../api/client';
import { formatSize, uploadFile } from '../api/files';
import { Button } from './Button';

export interface PendingAttachment {
  file: FileView;
  alt: string;
}

export const toAttachmentInputs = (pending: PendingAttachment[]): AttachmentInput[] =>
  pending.map((p) => ({ fileId: p.file.id, alt: p.alt }));

export interface AttachmentPickerProps {
  value: PendingAttachment[];
  onChange: (value: PendingAttachment[]) => void;
  max?: number;
}

export function AttachmentPicker({ value, onChange, max = 6 }: AttachmentPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = async (files: File[]) => {
    setError(null);
    const room = files.slice(0, Math.max(0, max - value.length));
    setBusy((n) => n + room.length);
    const added: PendingAttachment[] = [];
    for (const file of room) {
      try {
        added.push({ file: await uploadFile('attachment', file), alt: '' });
      } catch (failure) {
        setError(`${file.name}: ${errorMessage(failure)}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (added.length) onChange([...value, ...added]);
  };

  const onPaste = (event: ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length) {
      event.preventDefault();
      void add(files);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void add([...event.dataTransfer.files]);
  };

  return (
    <div className="attachment-picker" onPaste={onPaste} onDrop={onDrop} onDragOver={(e) => e.preventDefault()}>
      <input
        ref={input}
        id={`${id}-files`}
        type="file"
        multiple
        hidden
        accept="image/jpeg,image/png,image/gif,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.md,.csv"
        onChange={(e) => {
          void add([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <Button type="button" variant="secondary" size="sm" onClick={() => input.current?.click()} disabled={value.length >= max}>
        Attach files
      </Button>{' '}
      <span className="forum-meta">or paste or drop them here{busy > 0 && ` · uploading ${busy}…`}</span>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {value.length > 0 && (
        <ul className="attachment-previews">
          {value.map((item, i) => (
            <li key={item.file.id}>
              {item.file.kind === 'image' ? (
                <img src={item.file.url} alt="" className="attachment-thumb" />
              ) : (
                <span className="attachment-doc">{item.file.name}</span>
              )}
              <span className="forum-meta"> {formatSize(item.file.size)}</span>
              {item.file.kind === 'image' && (
                <label className="attachment-alt">
                  Describe this image for people who cannot see it
                  <input
                    type="text"
                    maxLength={300}
                    value={item.alt}
                    onChange={(e) => onChange(value.map((v, j) => (j === i ? { ...v, alt: e.target.value } : v)))}
                  />
                </label>
              )}
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={`Remove ${item.file.name}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
