import { Body, Controller, Get, Param, Patch, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EXAMPLES } from '../openapi/request-examples';
import {
  cardVersionSchema,
  modelCardNotesSchema,
  serviceCardSchema,
} from '../openapi/responses/card.response';
import {
  cardFormat,
  cardQuerySchema,
  cardVersionQuerySchema,
  updateModelSchema,
  type CardQuery,
  type CardVersionQuery,
  type UpdateModelBody,
} from './card.dto';
import { CardsService, type RenderedCard } from './cards.service';

const CARD_RESPONSES = [
  { status: 200, description: 'The card.', schema: serviceCardSchema },
  { status: 200, description: 'The card.', mediaType: 'text/markdown', schema: z.string() },
  { status: 200, description: 'The card.', mediaType: 'text/html', schema: z.string() },
] as const;

/** Sends a rendered card: its media type, Vary (it was negotiated), and the HTML page's CSP. */
function send(response: Response, rendered: RenderedCard) {
  response.setHeader('Content-Type', rendered.contentType);
  response.setHeader('Vary', 'Accept');
  if (rendered.contentType.startsWith('text/html'))
    response.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  return rendered.body;
}

/** Service cards of a model, and the hand-written part of them (docs/service-cards.md). */
@ApiTags('models')
@Controller('v1/models')
export class ModelCardsController {
  constructor(private readonly cards: CardsService) {}

  /** JSON by default; Markdown with Accept: text/markdown; a self-contained page with text/html. */
  @Get(':id/card')
  @ApiEndpoint({
    summary: "Get a model's service card",
    description:
      "Generated from stored results on every request, in the caller's scope: a customer key's card is built from public evaluations and its own tenant's only. JSON by default (no Accept, or `*/*`); Markdown with `Accept: text/markdown`, a self-contained HTML page (no scripts) with `Accept: text/html` (q-values count: `application/json, text/html;q=0.1` is JSON), or `format` to choose without the header. A card whose content is new is recorded as a version (`GET /v1/models/{id}/cards`).",
    responses: [...CARD_RESPONSES],
    params: { id: uuidParam('model') },
    query: cardQuerySchema,
    queryDescriptions: {
      compareTo:
        'Another model (version) to compare with: adds `comparison`, each change with its 95% interval.',
      format:
        'json, md or html: overrides the Accept header (a browser address bar cannot set one).',
    },
    problems: [
      { status: 404, description: 'The model, or the `compareTo` model, does not exist.' },
      406,
    ],
  })
  async card(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(cardQuerySchema, 'query')) query: CardQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const format = cardFormat(request, query.format);
    return send(response, await this.cards.card(principal, id, format, query.compareTo));
  }

  /** The versions of this model's card generated so far in the caller's scope, newest first. */
  @Get(':id/cards')
  @ApiEndpoint({
    summary: "List the versions of a model's service card",
    description:
      "Each distinct card generated so far in the caller's scope, newest first (at most 100), without its content.",
    responses: [{ status: 200, description: 'The versions.', schema: z.array(cardVersionSchema) }],
    params: { id: uuidParam('model') },
    problems: [404],
  })
  history(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.cards.history(principal, id);
  }

  /** One version listed by GET :id/cards, negotiated as the current card is. */
  @Get(':id/cards/:cardId')
  @ApiEndpoint({
    summary: "Get a past version of a model's service card",
    description:
      "A version listed by `GET /v1/models/{id}/cards`, as stored: its latest generation (`generatedAt` says when), not regenerated. Only in the caller's scope: a customer key reaches the versions built for its own tenant, operator roles those built for everything; any other id answers 404. Formats as for the current card: JSON by default, `Accept: text/markdown` or `text/html` (q-values count), or `format`.",
    responses: [...CARD_RESPONSES],
    params: { id: uuidParam('model'), cardId: uuidParam('card version') },
    query: cardVersionQuerySchema,
    queryDescriptions: {
      format:
        'json, md or html: overrides the Accept header (a browser address bar cannot set one).',
    },
    problems: [
      {
        status: 404,
        description:
          "The model does not exist, or no version of its card has this id in the caller's scope.",
      },
      406,
    ],
  })
  async version(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('cardId', UuidParamPipe) cardId: string,
    @Query(new ZodPipe(cardVersionQuerySchema, 'query')) query: CardVersionQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const format = cardFormat(request, query.format);
    return send(response, await this.cards.version(principal, id, cardId, format));
  }

  @Patch(':id')
  @Roles('admin', 'ml')
  @ApiEndpoint({
    summary: "Edit the hand-written part of a model's service card",
    description:
      'Sets `card.intendedUse`, `card.outOfScope` and `card.contact` (at most 4,000 characters each): a field left out is kept, `null` clears it. Everything else on a card is derived from stored results. Audited.',
    responses: [
      { status: 200, description: 'The notes as they now stand.', schema: modelCardNotesSchema },
    ],
    params: { id: uuidParam('model') },
    problems: [404],
  })
  @ApiZodBody(updateModelSchema, { examples: EXAMPLES.updateModel })
  update(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateModelSchema)) body: UpdateModelBody,
  ) {
    return this.cards.updateNotes(principal, id, body);
  }
}
