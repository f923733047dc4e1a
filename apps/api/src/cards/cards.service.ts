import { Injectable } from '@nestjs/common';
import { Database, type CardScope, type ModelCardNotes } from '@lastmile/persistence';
import {
  compareCards,
  generateServiceCard,
  renderCardHtml,
  renderCardMarkdown,
  type CardComparison,
  type ServiceCard,
} from '@lastmile/reports';
import { AuditService } from '../common/audit.service';
import { notFound } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import type { CardFormat, UpdateModelBody } from './card.dto';

/** A customer's cards show public data and its own tenant's; every other role's show all. */
export function cardScope(principal: Principal): CardScope {
  return principal.role === 'customer' && principal.tenantId
    ? { kind: 'tenant', tenantId: principal.tenantId }
    : { kind: 'all' };
}

export interface RenderedCard {
  contentType: string;
  body: string | (ServiceCard & { cardId: string | null; comparison?: CardComparison });
}

function renderCard(
  card: ServiceCard,
  cardId: string | null,
  format: CardFormat,
  comparison?: CardComparison,
): RenderedCard {
  if (format === 'md')
    return {
      contentType: 'text/markdown; charset=utf-8',
      body: renderCardMarkdown(card, comparison),
    };
  if (format === 'html')
    return { contentType: 'text/html; charset=utf-8', body: renderCardHtml(card, comparison) };
  return {
    contentType: 'application/json; charset=utf-8',
    body: { ...card, cardId, ...(comparison ? { comparison } : {}) },
  };
}

@Injectable()
export class CardsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  /** Generated on every request from stored results, recorded as a version when it is new. */
  async card(
    principal: Principal,
    modelId: string,
    format: CardFormat,
    compareTo?: string,
  ): Promise<RenderedCard> {
    const scope = cardScope(principal);
    const generated = await generateServiceCard(this.database.stores, modelId, scope);
    if (!generated) throw notFound('model', modelId);
    let comparison: CardComparison | undefined;
    if (compareTo) {
      const other = await generateServiceCard(this.database.stores, compareTo, scope, {
        now: new Date(generated.card.generatedAt),
        record: false,
      });
      if (!other) throw notFound('model', compareTo);
      comparison = compareCards(generated.card, other.card);
    }
    return renderCard(generated.card, generated.cardId, format, comparison);
  }

  async history(principal: Principal, modelId: string) {
    if (!(await this.database.stores.models.exists(modelId))) throw notFound('model', modelId);
    return this.database.stores.cards.history(modelId, cardScope(principal));
  }

  /** A recorded version as stored (its latest generation), only in the scope it was built for. */
  async version(
    principal: Principal,
    modelId: string,
    cardId: string,
    format: CardFormat,
  ): Promise<RenderedCard> {
    if (!(await this.database.stores.models.exists(modelId))) throw notFound('model', modelId);
    const stored = await this.database.stores.cards.find(modelId, cardScope(principal), cardId);
    if (!stored) throw notFound('card', cardId);
    return renderCard(stored.content as unknown as ServiceCard, stored.id, format);
  }

  /** Sets the hand-written fields of the model's card, audited with the fields it changed. */
  async updateNotes(
    principal: Principal,
    modelId: string,
    body: UpdateModelBody,
  ): Promise<{
    id: string;
    card: Pick<ModelCardNotes, 'intendedUse' | 'outOfScope' | 'contact'> & { updatedAt: Date };
  }> {
    return this.database.transaction(async (stores) => {
      if (!(await stores.models.exists(modelId))) throw notFound('model', modelId);
      const notes = await stores.cards.saveNotes(modelId, body.card, principal.keyId);
      await this.audit.record(
        principal,
        'update',
        'model',
        modelId,
        { fields: Object.keys(body.card).map((field) => `card.${field}`) },
        stores,
      );
      const { intendedUse, outOfScope, contact, updatedAt } = notes;
      return { id: modelId, card: { intendedUse, outOfScope, contact, updatedAt } };
    });
  }
}
