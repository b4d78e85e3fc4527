import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, decodeCursor, toPage } from '@mutuals/core';
import type { ResourceView } from '@mutuals/contracts';
import { AuthUser, IdentityService, isCoordinator } from '@mutuals/identity';
import { DataSource } from 'typeorm';
import { fileUrl, toFileView } from './file-views';
import { FilesErrors } from './files.errors';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { CreateResourceDto, ResourceQueryDto } from './files.dto';
import { ResourceRow, ResourcesRepository } from './resources.repository';

/** The programme's library of guides and templates, published by coordinators and members. */
@Injectable()
export class ResourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly resources: ResourcesRepository,
    private readonly files: FilesRepository,
    private readonly filesService: FilesService,
    private readonly identity: IdentityService,
  ) {}

  /** The resource and its file are claimed in one transaction: never one without the other. */
  async publish(author: AuthUser, input: CreateResourceDto, at?: Date): Promise<ResourceView> {
    const id = await this.db.transaction(async (manager) => {
      const id = await this.resources.insert(manager, { ...input, authorId: author.id, at });
      const [file] = await this.files.claimDrafts(manager, {
        ownerId: author.id,
        purposes: ['resource'],
        kind: 'resource',
        targetId: id,
        files: [{ id: input.fileId, alt: '' }],
      });
      if (!file) {
        throw FilesErrors.notYourFile('Upload the document with purpose resource first', [
          { field: 'fileId', message: 'is not one of your unused resource uploads' },
        ]);
      }
      return id;
    });
    return this.get(author, id);
  }

  async get(viewer: AuthUser, id: string): Promise<ResourceView> {
    const row = await this.resources.find(id);
    if (!row) throw FilesErrors.resourceNotFound('No such resource');
    return (await this.views(viewer, [row]))[0]!;
  }

  /** Titles of resources by id, for other libs that link to them (a mentorship's goals); gone ones are left out. */
  async titles(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.resources.titles([...new Set(ids)])).map((r) => [r.id, r.title]));
  }

  async list(viewer: AuthUser, query: ResourceQueryDto): Promise<Page<ResourceView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.resources.list({ ...query, after: after?.map(String) ?? null });
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.at_key, r.id],
      (r) => r,
    );
    return { items: await this.views(viewer, page.items), nextCursor: page.nextCursor };
  }

  /** Counts the download and answers where the file is (the caller is redirected there). */
  async download(id: string): Promise<string> {
    const fileId = await this.resources.countDownload(id);
    const file = fileId ? await this.files.find(fileId) : null;
    if (!file) throw FilesErrors.resourceNotFound('No such resource');
    return fileUrl(file);
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const row = await this.resources.find(id);
    if (!row) throw FilesErrors.resourceNotFound('No such resource');
    if (row.author_id !== caller.id && !isCoordinator(caller)) {
      throw FilesErrors.notYourResource('Only its author or a coordinator may remove a resource');
    }
    const fileId = await this.resources.deleteWithFile(id);
    if (fileId) await this.filesService.forget([fileId]);
  }

  private async views(viewer: AuthUser, rows: ResourceRow[]): Promise<ResourceView[]> {
    const [authors, files] = await Promise.all([
      this.identity.getUserSummaries(rows.map((r) => r.author_id)),
      this.files.attachedTo(
        'resource',
        rows.map((r) => r.id),
      ),
    ]);
    const fileOf = new Map(files.map((f) => [f.attached_id, f]));
    return rows.map((row) => {
      const author = authors.get(row.author_id);
      return {
        id: row.id,
        title: row.title,
        summary: row.summary,
        supportArea: row.support_area,
        stage: row.stage,
        file: toFileView(fileOf.get(row.id)!),
        author: author
          ? { id: author.id, displayName: author.displayName, handle: author.handle, avatarUrl: author.avatarUrl }
          : { id: row.author_id, displayName: 'Former member', handle: '', avatarUrl: null },
        downloadCount: row.download_count,
        createdAt: row.created_at.toISOString(),
        canDelete: row.author_id === viewer.id || isCoordinator(viewer),
      };
    });
  }
}
