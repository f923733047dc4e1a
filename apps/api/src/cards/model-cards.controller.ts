import { Body, Controller, Get, Headers, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiZodBody } from '../common/api-body.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  cardFormat,
  cardQuerySchema,
  updateModelSchema,
  type CardQuery,
  type UpdateModelBody,
} from './card.dto';
import { CardsService } from './cards.service';

/** Service cards of a model, and the hand-written part of them (docs/service-cards.md). */
@ApiTags('models')
@ApiBearerAuth()
@Controller('v1/models')
export class ModelCardsController {
  constructor(private readonly cards: CardsService) {}

  /** JSON by default; Markdown with Accept: text/markdown; a self-contained page with text/html. */
  @Get(':id/card')
  async card(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodPipe(cardQuerySchema, 'query')) query: CardQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const format = cardFormat(accept, query.format);
    const rendered = await this.cards.card(principal, id, format, query.compareTo);
    response.setHeader('Content-Type', rendered.contentType);
    response.setHeader('Vary', 'Accept');
    if (format === 'html')
      response.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
    return rendered.body;
  }

  /** The versions of this model's card generated so far in the caller's scope, newest first. */
  @Get(':id/cards')
  history(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.cards.history(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'ml')
  @ApiZodBody(updateModelSchema)
  update(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateModelSchema)) body: UpdateModelBody,
  ) {
    return this.cards.updateNotes(principal, id, body);
  }
}
