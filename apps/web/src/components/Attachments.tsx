// What a post or a message carries: images shown with their alt text, documents as downloads.
import type { FileView } from '@mutuals/contracts';
import { formatSize } from '../api/files';

export function Attachments({ files }: { files: FileView[] }) {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.kind === 'image');
  const documents = files.filter((f) => f.kind === 'document');
  return (
    <div className="attachments">
      {images.map((image) => (
        <a key={image.id} href={image.url} target="_blank" rel="noreferrer">
          <img
            className="attachment-image"
            src={image.url}
            alt={image.alt}
            width={image.width ?? undefined}
            height={image.height ?? undefined}
            loading="lazy"
          />
        </a>
      ))}
      {documents.length > 0 && (
        <ul className="attachment-documents">
          {documents.map((doc) => (
            <li key={doc.id}>
              <a href={doc.url} download={doc.name}>
                {doc.name}
              </a>{' '}
              <span className="forum-meta">({formatSize(doc.size)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
