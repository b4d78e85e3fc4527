import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainEvents, RateLimiter } from '@mutuals/core';
import type { AttachmentInput, FilePurpose, FileView, ImageSetView } from '@mutuals/contracts';
import { AuthUser, IdentityService } from '@mutuals/identity';
import { ProfilesService } from '@mutuals/profiles';
import { DataSource, EntityManager } from 'typeorm';
import { detectType, downloadName } from './content-type';
import { AttachmentTarget, FileAccessRegistry } from './file-access';
import { FileCache } from './file-cache';
import { fileUrl, toFileView } from './file-views';
import { FilesErrors } from './files.errors';
import { FileRow, FilesRepository } from './files.repository';
import { ImageTooLarge, processImage } from './images';
import { FileReader } from './received-file';
import { ByteRange, FILE_STORAGE, FileStorage } from './storage/file-storage';

const LIMITS = {
  // Enough for a composer's worth of pictures at once; a script filling the quota is slowed down.
  uploads: { name: 'uploads', max: 30, windowSeconds: 600 },
};

/** Images only: avatars and logos are shown, never downloaded. */
const IMAGE_ONLY: ReadonlySet<FilePurpose> = new Set(['avatar', 'logo', 'cover']);

/** Whatever a signed-in member may see (a face, a logo, a published resource). */
const OPEN_TO_MEMBERS: ReadonlySet<string> = new Set(['avatar', 'logo', 'resource']);

/** What a download answers: the controller writes it as it is. */
export interface Download {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  body: Buffer | null;
}

@Injectable()
export class FilesService {
  private readonly logger = new Logger('FilesService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FilesRepository,
    private readonly access: FileAccessRegistry,
    private readonly cache: FileCache,
    private readonly events: DomainEvents,
    private readonly rateLimiter: RateLimiter,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesService,
  ) {}

  // ---- uploads ----

  /**
   * Stores an upload as a draft only its uploader sees, until something it is for (a post, a
   * message, a profile, a resource) claims it in that thing's own transaction.
   */
  async upload(user: AuthUser, purpose: FilePurpose, read: FileReader): Promise<FileView> {
    if (user.status !== 'active' && purpose !== 'avatar') {
      throw FilesErrors.awaitingApproval('Your account is awaiting approval: until then you may only set your avatar');
    }
    await this.rateLimiter.consume(LIMITS.uploads, user.id);
    const received = await read(this.config.files.maxBytes[purpose]);
    if (received.bytes.length === 0) throw FilesErrors.emptyFile('The file is empty', [{ field: 'file', message: 'is empty' }]);

    const type = detectType(received.bytes);
    if (!type || (IMAGE_ONLY.has(purpose) && type.kind !== 'image')) {
      throw FilesErrors.unsupportedType(
        IMAGE_ONLY.has(purpose)
          ? 'Use a JPEG, PNG, GIF or WebP image'
          : 'Use an image (JPEG, PNG, GIF, WebP), a PDF, an Office or OpenDocument file, or plain text',
        [{ field: 'file', message: 'is not a type accepted here' }],
      );
    }
    const stored =
      type.kind === 'image'
        ? await this.image(received.bytes, purpose)
        : { bytes: received.bytes, contentType: type.contentType, width: null, height: null };
    const row: FileRow = {
      id: randomUUID(),
      owner_id: user.id,
      purpose,
      content_type: stored.contentType,
      name: downloadName(received.filename, type),
      size: stored.bytes.length,
      sha256: createHash('sha256').update(stored.bytes).digest('hex'),
      width: stored.width,
      height: stored.height,
      alt: '',
      attached_kind: null,
      attached_id: null,
      storage: this.storage.kind,
    };

    await this.storage.remove(await this.files.deleteStaleDrafts(user.id));
    await this.db.transaction(async (manager) => {
      const held = await this.files.bytesHeldLocked(manager, user.id);
      if (held + row.size > this.config.files.quotaBytes) {
        throw FilesErrors.quotaExceeded(
          `This would take you over your ${Math.round(this.config.files.quotaBytes / 1024 / 1024)} MB of storage; delete something first`,
        );
      }
      await this.files.insert(manager, row);
      await this.storage.put(manager, row.id, stored.bytes, row.content_type);
    });
    this.cache.set(row.id, stored.bytes);
    return toFileView(row);
  }

  private async image(bytes: Buffer, purpose: FilePurpose) {
    try {
      return await processImage(bytes, purpose, this.config.files.maxImagePixels);
    } catch (error) {
      if (error instanceof ImageTooLarge) {
        throw FilesErrors.imageTooLarge(`The image has more than ${this.config.files.maxImagePixels.toLocaleString('en-GB')} pixels`, [
          { field: 'file', message: 'has too many pixels' },
        ]);
      }
      throw FilesErrors.unreadableImage('The image could not be read', [{ field: 'file', message: 'is not a readable image' }]);
    }
  }

  // ---- attaching (called by forums and chat inside their own transactions) ----

  /** Claims the member's attachment drafts for a post or a message; any other file fails the write. */
  async attach(
    manager: EntityManager,
    ownerId: string,
    kind: AttachmentTarget,
    targetId: string,
    attachments: AttachmentInput[],
  ): Promise<FileView[]> {
    const rows = await this.files.claimDrafts(manager, {
      ownerId,
      purposes: ['attachment'],
      kind,
      targetId,
      files: attachments.map((a) => ({ id: a.fileId, alt: a.alt?.trim() ?? '' })),
    });
    // A repeated id claims one row, so it fails here too.
    if (rows.length !== attachments.length) {
      throw FilesErrors.notYourFile('Attach only files you uploaded for this, once each, that are not attached elsewhere', [
        { field: 'attachments', message: 'holds a file that is not one of your unattached uploads' },
      ]);
    }
    return rows.map(toFileView);
  }

  /** The attachments of each post or message, by its id. */
  async attachmentsOf(kind: AttachmentTarget, targetIds: string[]): Promise<Map<string, FileView[]>> {
    const byTarget = new Map<string, FileView[]>();
    for (const row of await this.files.attachedTo(kind, targetIds)) {
      byTarget.set(row.attached_id!, [...(byTarget.get(row.attached_id!) ?? []), toFileView(row)]);
    }
    return byTarget;
  }

  // ---- avatars and logos ----

  async setAvatar(user: AuthUser, fileId: string | null): Promise<ImageSetView> {
    const { url, removed } = await this.events.transaction(async (unit) => {
      const file = fileId ? await this.claimImage(unit.manager, user.id, 'avatar', user.id, fileId) : null;
      const removed = await this.files.deleteAttached(unit.manager, 'avatar', user.id, file?.id ?? null);
      const url = file ? fileUrl(file) : null;
      await this.identity.setAvatarUrl(unit, user.id, url);
      return { url, removed };
    });
    await this.forget(removed);
    return { url };
  }

  async setLogo(user: AuthUser, organisationId: string, fileId: string | null): Promise<ImageSetView> {
    const { url, removed } = await this.db.transaction(async (manager) => {
      const file = fileId ? await this.claimImage(manager, user.id, 'logo', organisationId, fileId) : null;
      const url = file ? fileUrl(file) : null;
      await this.profiles.setLogoUrl(user, organisationId, url, manager);
      return { url, removed: await this.files.deleteAttached(manager, 'logo', organisationId, file?.id ?? null) };
    });
    await this.forget(removed);
    return { url };
  }

  /**
   * Sets (or, with a null fileId, removes) the one cover image of an object, in the owning lib's
   * transaction: the member's cover upload is claimed and any previous cover deleted. Call
   * `forget` with the answer's `removed` once the transaction has committed.
   */
  async setCover(
    manager: EntityManager,
    ownerId: string,
    kind: AttachmentTarget,
    targetId: string,
    cover: { fileId: string; alt: string } | null,
  ): Promise<{ file: FileView | null; removed: string[] }> {
    const file = cover
      ? await this.claimImage(manager, ownerId, 'cover', targetId, cover.fileId, { kind, alt: cover.alt, field: 'coverFileId' })
      : null;
    const removed = await this.files.deleteAttached(manager, kind, targetId, file?.id ?? null);
    return { file: file ? toFileView(file) : null, removed };
  }

  private async claimImage(
    manager: EntityManager,
    ownerId: string,
    purpose: 'avatar' | 'logo' | 'cover',
    targetId: string,
    fileId: string,
    as: { kind: string; alt: string; field: string } = { kind: purpose, alt: '', field: 'fileId' },
  ): Promise<FileRow> {
    const [file] = await this.files.claimDrafts(manager, {
      ownerId,
      purposes: [purpose],
      kind: as.kind,
      targetId,
      files: [{ id: fileId, alt: as.alt }],
    });
    if (!file) {
      throw FilesErrors.notYourFile(`Upload the image with purpose ${purpose} first`, [
        { field: as.field, message: `is not one of your unused ${purpose} uploads` },
      ]);
    }
    return file;
  }

  /** Bytes of deleted rows: gone with the row in Postgres, removed from the bucket otherwise. */
  async forget(fileIds: string[]): Promise<void> {
    for (const id of fileIds) this.cache.delete(id);
    try {
      await this.storage.remove(fileIds);
    } catch (error) {
      // The rows are gone, so nothing can reach these objects; a bucket lifecycle rule can sweep them.
      this.logger.warn(`could not remove ${fileIds.length} stored objects: ${(error as Error).message}`);
    }
  }

  // ---- downloads ----

  /** Checked on every download: a file is visible exactly to those who may see what it belongs to. */
  async download(
    viewer: AuthUser | null,
    fileId: string,
    hash: string,
    request: { range?: string; ifNoneMatch?: string },
  ): Promise<Download> {
    const file = await this.files.find(fileId);
    if (!file || file.sha256 !== hash || !(await this.mayView(viewer, file))) throw FilesErrors.fileNotFound('No such file');

    const headers = downloadHeaders(file);
    if (request.ifNoneMatch && request.ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === headers.ETag)) {
      return { status: 304, headers, body: null };
    }
    const range = request.range ? parseRange(request.range, file.size) : undefined;
    if (range === null) return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` }, body: null };
    const body = await this.read(file, range);
    if (!range) return { status: 200, headers, body };
    return { status: 206, headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}` }, body };
  }

  private async read(file: FileRow, range: ByteRange | undefined): Promise<Buffer> {
    const cached = this.cache.get(file.id);
    if (cached) return range ? cached.subarray(range.start, range.end + 1) : cached;
    if (range) return this.storage.read(file.id, range);
    const bytes = await this.storage.read(file.id);
    this.cache.set(file.id, bytes);
    return bytes;
  }

  /** Signed-out visitors (viewer null) see only what a registered public check opens (a published story's cover). */
  private async mayView(viewer: AuthUser | null, file: FileRow): Promise<boolean> {
    if (file.attached_kind === null) return file.owner_id === viewer?.id;
    if (viewer && OPEN_TO_MEMBERS.has(file.attached_kind)) return true;
    return this.access.mayView(viewer, file.attached_kind, file.attached_id!);
  }
}

const IMMUTABLE = 'private, max-age=31536000, immutable';

/** Images are shown; anything else is only ever saved, and nothing is sniffed or run. */
function downloadHeaders(file: FileRow): Record<string, string> {
  const inline = file.content_type.startsWith('image/');
  const asciiName = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'Content-Type': file.content_type,
    ETag: `"${file.sha256}"`,
    'Cache-Control': IMMUTABLE,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  };
}

/**
 * One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`; undefined for a header to ignore (several
 * ranges: the whole file answers), null for one that cannot be satisfied (416).
 */
export function parseRange(header: string, size: number): ByteRange | null | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}
