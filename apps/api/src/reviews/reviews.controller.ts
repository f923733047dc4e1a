import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiZodBody } from '../common/api-body.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  agreementQuerySchema,
  nextReviewQuerySchema,
  reviewLabelSchema,
  type AgreementQuery,
  type NextReviewQuery,
  type ReviewLabelBody,
} from './review.dto';
import { ReviewsService } from './reviews.service';

/** The review queue: people label judged answers; agreement among them and with the judge. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** The next answer this key should label (204 when none is left in its scope). */
  @Get('next')
  @Roles('reviewer', 'admin')
  async next(
    @Auth() principal: Principal,
    @Query(new ZodPipe(nextReviewQuerySchema, 'query')) query: NextReviewQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const next = await this.reviews.next(principal, query);
    if (!next) response.status(204);
    return next ?? undefined;
  }

  /** Agreement among people (α, κ) and between the judge and people, per scenario. */
  @Get('agreement')
  @Roles('reviewer', 'admin', 'ml', 'oncall')
  agreement(
    @Auth() principal: Principal,
    @Query(new ZodPipe(agreementQuerySchema, 'query')) query: AgreementQuery,
  ) {
    return this.reviews.agreement(principal, query);
  }

  /** Stores this key's label of a task (409 if it already labelled it). */
  @Post(':id')
  @Roles('reviewer', 'admin')
  @HttpCode(201)
  @ApiZodBody(reviewLabelSchema)
  label(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(reviewLabelSchema)) body: ReviewLabelBody,
  ) {
    return this.reviews.label(principal, id, body);
  }
}
