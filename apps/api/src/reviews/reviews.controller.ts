import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EXAMPLES } from '../openapi/request-examples';
import {
  nextReviewSchema,
  reviewAgreementSchema,
  reviewLabelSchema as storedLabelSchema,
} from '../openapi/responses/review.response';
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
@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('next')
  @Roles('reviewer', 'admin')
  @ApiEndpoint({
    summary: 'Get the next answer to label',
    description:
      "In the key's scope (a tenant-bound reviewer: that tenant's runs; an unbound one: the operator's), never one it labelled: first answers where the judge and people disagree, then answers whose judge samples disagreed, then second opinions, then the rest — the least-labelled group first. The judge's verdict is never shown.",
    responses: [
      { status: 200, description: 'The answer to label.', schema: nextReviewSchema },
      { status: 204, description: "Nothing is left to label in this key's scope." },
    ],
    query: nextReviewQuerySchema,
    queryDescriptions: {
      scenarioId: "Only answers of this scenario's runs.",
      planId: "Only answers of this plan's runs.",
    },
  })
  async next(
    @Auth() principal: Principal,
    @Query(new ZodPipe(nextReviewQuerySchema, 'query')) query: NextReviewQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const next = await this.reviews.next(principal, query);
    if (!next) response.status(204);
    return next ?? undefined;
  }

  @Get('agreement')
  @Roles('reviewer', 'admin', 'ml', 'oncall')
  @ApiEndpoint({
    summary: 'Agreement among people and with the judge',
    description:
      "Over the labelled answers of a scenario's runs in the key's scope: Krippendorff's α on scores and verdicts with bootstrap intervals, Cohen's κ for every two reviewers, and per judge the share of answers where its verdict is people's majority (Wilson interval), with κ and per group.",
    responses: [
      { status: 200, description: 'The agreement report.', schema: reviewAgreementSchema },
    ],
    query: agreementQuerySchema,
    queryDescriptions: {
      scenarioId: 'The scenario whose runs were reviewed.',
      planId: "Only this plan's runs.",
    },
    problems: [{ status: 404, description: 'The scenario does not exist.' }],
  })
  agreement(
    @Auth() principal: Principal,
    @Query(new ZodPipe(agreementQuerySchema, 'query')) query: AgreementQuery,
  ) {
    return this.reviews.agreement(principal, query);
  }

  @Post(':id')
  @Roles('reviewer', 'admin')
  @HttpCode(201)
  @ApiZodBody(reviewLabelSchema, { examples: EXAMPLES.reviewLabel })
  @ApiEndpoint({
    summary: 'Label an answer',
    description:
      "`score` (an integer on the judge's scale; pass at its pass score) for a scored answer, `verdict` (win, tie, loss against the reference) for a compared one. One label per key and task. Audited.",
    responses: [{ status: 201, description: 'The stored label.', schema: storedLabelSchema }],
    params: { id: uuidParam('review task') },
    problems: [
      { status: 404, description: "The task does not exist in this key's scope." },
      { status: 409, description: 'This key already labelled the task.' },
    ],
  })
  label(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(reviewLabelSchema)) body: ReviewLabelBody,
  ) {
    return this.reviews.label(principal, id, body);
  }
}
