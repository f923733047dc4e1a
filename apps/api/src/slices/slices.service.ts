import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lastmile/config';
import { sampleSizeAdvice, type AdviceAssumptions } from '@lastmile/metrics';
import { Database, type Slice } from '@lastmile/persistence';
import { parseSliceUpload, SliceValidationError, type SliceLimits } from '@lastmile/slices';
import type { SampleSizeQuery } from './slice-upload.dto';
import { AuditService } from '../common/audit.service';
import { invalid, notFound, ProblemException } from '../common/problem.exception';
import { APP_CONFIG } from '../config.token';
import type { Principal } from '../auth/principal';
import { TenantsService } from '../tenants/tenants.service';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

@Injectable()
export class SlicesService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Validated completely before anything is written, then written in one transaction. */
  async upload(
    principal: Principal,
    tenantRef: string,
    name: string,
    file: UploadedFile | undefined,
  ) {
    const tenant = await this.ownTenant(principal, tenantRef);
    if (!file)
      throw invalid('send the slice as a multipart file field named "file"', [
        { field: 'file', reason: 'missing' },
      ]);
    let parsed;
    try {
      parsed = await parseSliceUpload(
        { filename: file.originalname, contentType: file.mimetype, data: file.buffer },
        {
          ...(this.config.LASTMILE_SLICE_LIMITS as Partial<SliceLimits>),
          maxBytes: this.config.LASTMILE_MAX_UPLOAD_BYTES,
          maxItems: this.config.LASTMILE_MAX_SLICE_ITEMS,
          maxAudioSeconds: this.config.LASTMILE_MAX_AUDIO_SECONDS,
        },
      );
    } catch (error) {
      if (error instanceof SliceValidationError) {
        throw new ProblemException(422, 'Unprocessable Content', error.message, [
          ...error.problems,
        ]);
      }
      throw error;
    }
    const stored = await this.database.transaction(async (stores) => {
      const { slice, created } = await stores.slices.store(tenant.id, name, parsed);
      if (created) {
        await this.audit.record(
          principal,
          'upload',
          'slice',
          slice.id,
          { name, version: slice.version, items: slice.itemCount },
          stores,
        );
      }
      return { ...slice, created };
    });
    // Where the customer decides what to upload next: what these group sizes can show.
    return { ...stored, sampleSize: await this.sampleSize(stored) };
  }

  /**
   * Sample-size advice for a slice version: per breakdown attribute and group, the items, the
   * smallest rate and WER change the drift test detects, the parity tolerance supported and the
   * items TOST needs for the tolerance (a plan's fairnessTolerance when planId is given).
   */
  async sampleSize(
    slice: Slice,
    assumptions: Partial<AdviceAssumptions> & { planId?: string } = {},
  ) {
    const { planId, ...given } = assumptions;
    if (planId) {
      const plan = await this.database.stores.plans.findVisible(planId, slice.tenantId);
      if (!plan) throw notFound('plan', planId);
      const tolerance = plan.alertPolicy.fairnessTolerance;
      if (tolerance !== undefined && given.tolerance === undefined) given.tolerance = tolerance;
    }
    const sizes = await this.database.stores.slices.groupSizes(slice.id);
    // Word counts mean transcripts only on speech slices (a QA reference is no WER denominator).
    const words = (w: number | null) =>
      w === null || slice.modality !== 'audio' ? {} : { words: w };
    return sampleSizeAdvice(
      { items: sizes.overall.items, ...words(sizes.overall.words) },
      sizes.groups.map((g) => ({
        attribute: g.attribute,
        group: g.group,
        items: g.items,
        ...words(g.words),
      })),
      given,
    );
  }

  async list(principal: Principal, tenantRef: string): Promise<Slice[]> {
    const tenant = await this.ownTenant(principal, tenantRef);
    return this.database.stores.slices.listForTenant(tenant.id);
  }

  async get(principal: Principal, tenantRef: string, id: string): Promise<Slice> {
    const tenant = await this.ownTenant(principal, tenantRef);
    const slice = await this.database.stores.slices.findForTenant(id, tenant.id);
    if (!slice) throw notFound('slice', id);
    return slice;
  }

  /** A slice version with its sample-size advice under the given assumptions. */
  async detail(principal: Principal, tenantRef: string, id: string, query: SampleSizeQuery) {
    const slice = await this.get(principal, tenantRef, id);
    return { ...slice, sampleSize: await this.sampleSize(slice, query) };
  }

  /** Items without audio bytes, a page at a time. */
  async items(principal: Principal, tenantRef: string, id: string, after: number, limit: number) {
    const slice = await this.get(principal, tenantRef, id);
    const rows = await this.database.stores.slices.itemsWithoutAudio(slice.id, after, limit);
    return rows.map(
      ({ itemKey, ordinal, input, references, label, attributes, audioMime, audioMs }) => ({
        id: itemKey,
        ordinal,
        input,
        references,
        label,
        attributes,
        audio: audioMime ? { mimeType: audioMime, durationMs: audioMs } : null,
      }),
    );
  }

  /** A customer key works on its own tenant only; others are told it does not exist. */
  private ownTenant(principal: Principal, tenantRef: string) {
    return this.tenants.findFor(principal, tenantRef);
  }
}
