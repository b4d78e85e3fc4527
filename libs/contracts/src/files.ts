// Uploads, downloads and the resource library: /files, /me/avatar, /organisations/:id/logo, /resources.
import type { IsoDateTime, PageQuery, Uuid } from './common';

/** What an upload is for: it sets the size limit, the types accepted and how images are resized. */
export type FilePurpose = 'avatar' | 'logo' | 'attachment' | 'resource' | 'cover';

export const FILE_PURPOSES: readonly FilePurpose[] = ['avatar', 'logo', 'attachment', 'resource', 'cover'];

/** Images are shown inline; every other kind is only ever downloaded. */
export type FileKind = 'image' | 'document';

/** 201 from POST /files?purpose=, and each attachment of a post or message. */
export interface FileView {
  id: Uuid;
  /** `/api/v1/files/:id/:hash`: immutable, cache it forever. */
  url: string;
  /** The name to save it as; its extension follows the detected type. */
  name: string;
  /** Detected from the content, never from the name or the client's header. */
  contentType: string;
  kind: FileKind;
  size: number;
  width: number | null;
  height: number | null;
  /** Alternative text of an image; empty for a decorative one. */
  alt: string;
}

/** An upload to attach to a post or a message: `fileId` from POST /files?purpose=attachment. */
export interface AttachmentInput {
  fileId: Uuid;
  /** Required in spirit for images (the composer asks); up to 300 characters. */
  alt?: string;
}

/** PUT /me/avatar and PUT /organisations/:id/logo: an upload made with the matching purpose. */
export interface SetImageRequest {
  fileId: Uuid;
}

/** 200 from PUT /me/avatar and PUT /organisations/:id/logo. */
export interface ImageSetView {
  url: string | null;
}

/** A guide or template in the programme's resource library. */
export interface ResourceView {
  id: Uuid;
  title: string;
  summary: string;
  /** Support-area slug. */
  supportArea: string;
  /** Journey-stage slug. */
  stage: string;
  file: FileView;
  author: { id: Uuid; displayName: string; handle: string; avatarUrl: string | null };
  downloadCount: number;
  createdAt: IsoDateTime;
  /** The caller may delete it (its author or a coordinator). */
  canDelete: boolean;
}

/** POST /resources */
export interface CreateResourceRequest {
  title: string;
  summary: string;
  supportArea: string;
  stage: string;
  /** An upload made with purpose `resource`. */
  fileId: Uuid;
}

/** GET /resources */
export interface ResourceQuery extends PageQuery {
  q?: string;
  supportArea?: string;
  stage?: string;
}
