import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from '@mutuals/core';
import type { EntityManager } from 'typeorm';
import { ByteRange, FileStorage } from './file-storage';

/**
 * S3-compatible object storage (AWS, MinIO, Ceph, R2...), on when S3_URL is set: the row stays in
 * Postgres, the bytes go to `<prefix>files/<id>`. The object is written before the transaction
 * commits, so a failed upload never leaves a row without bytes (at worst an orphan object).
 */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3';

  constructor(
    private readonly location: S3Location,
    readonly client: S3Client = new S3Client({
      endpoint: location.endpoint,
      region: location.region,
      forcePathStyle: location.forcePathStyle,
      ...(location.credentials && { credentials: location.credentials }),
    }),
  ) {}

  key(fileId: string): string {
    return `${this.location.prefix}files/${fileId}`;
  }

  async put(_manager: EntityManager, fileId: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.key(fileId),
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
      }),
    );
  }

  async read(fileId: string, range?: ByteRange): Promise<Buffer> {
    const answer = await this.client.send(
      new GetObjectCommand({
        Bucket: this.location.bucket,
        Key: this.key(fileId),
        ...(range && { Range: `bytes=${range.start}-${range.end}` }),
      }),
    );
    if (!answer.Body) throw new Error(`object for file ${fileId} has no body`);
    return Buffer.from(await answer.Body.transformToByteArray());
  }

  async remove(fileIds: string[]): Promise<void> {
    if (fileIds.length === 0) return;
    await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.location.bucket,
        Delete: { Objects: fileIds.map((id) => ({ Key: this.key(id) })), Quiet: true },
      }),
    );
  }
}
