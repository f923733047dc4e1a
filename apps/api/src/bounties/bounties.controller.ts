import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../common/api-body.decorator';
import { ApiEndpoint, uuidParam } from '../common/api-endpoint.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EXAMPLES } from '../openapi/request-examples';
import {
  bountyProgramDetailSchema,
  bountyProgramSchema,
  bountyProgramViewSchema,
  bountySubmissionViewSchema,
  leaderboardEntrySchema,
  researcherBountySubmissionSchema,
} from '../openapi/responses/bounty.response';
import {
  createBountySchema,
  submissionSchema,
  type CreateBountyBody,
  type SubmissionBody,
} from './bounty.dto';
import { BountiesService } from './bounties.service';
import { BountySubmissionsService } from './bounty-submissions.service';

const programParam = {
  id: {
    ...uuidParam('bounty program'),
    description:
      "The bounty program's id (a UUID). A researcher key naming another program gets 404.",
  },
};
const programNotFound = {
  status: 404,
  description: 'No such program, or not the program this researcher key is bound to.',
} as const;

/**
 * Bias bounties (docs/bounties.md): the ML team opens programs; researcher keys, each bound to one
 * program, read its public sample, submit subsets and see the leaderboard — nothing else.
 */
@ApiTags('bounties')
@Controller('v1/bounties')
export class BountiesController {
  constructor(
    private readonly programs: BountiesService,
    private readonly submissions: BountySubmissionsService,
  ) {}

  @Post()
  @Roles('admin', 'ml')
  @ApiEndpoint({
    summary: 'Open a bias-bounty program',
    description:
      "Copies the slice into a sealed pool only the program's own plan reads, picks the public sample, and queues the pool run every submission is tested on. `metric` must be an item-level metric of the scenario with a better direction. Audited.",
    responses: [{ status: 201, description: 'The program.', schema: bountyProgramDetailSchema }],
  })
  @ApiZodBody(createBountySchema, { examples: EXAMPLES.createBounty })
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createBountySchema)) body: CreateBountyBody,
  ) {
    return this.programs.create(principal, body);
  }

  @Get()
  @Roles('admin', 'ml')
  @ApiEndpoint({
    summary: 'List bias-bounty programs',
    description: 'The newest 500, newest first.',
    responses: [
      { status: 200, description: 'The programs.', schema: z.array(bountyProgramSchema) },
    ],
  })
  list() {
    return this.programs.list();
  }

  @Get(':id')
  @Roles('admin', 'ml', 'researcher')
  @ApiEndpoint({
    summary: 'Get a bias-bounty program',
    description:
      "Admin and ml keys get everything, with the pool run and the testing state. A researcher key of the program gets a ResearcherBountyProgram: the rules, the pool's size and vocabulary (the attributes predicates may use) and the public sample, never the sealed items.",
    responses: [{ status: 200, description: 'The program.', schema: bountyProgramViewSchema }],
    params: programParam,
    problems: [programNotFound],
  })
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.programs.get(principal, id);
  }

  @Post(':id/close')
  @Roles('admin', 'ml')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Close a bias-bounty program',
    description:
      'No more submissions are accepted (409); those made are still decided. Closing a closed program changes nothing. Audited.',
    responses: [
      { status: 200, description: 'The closed program.', schema: bountyProgramDetailSchema },
    ],
    params: programParam,
    problems: [404],
  })
  close(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.programs.close(principal, id);
  }

  @Post(':id/submissions')
  @Roles('researcher')
  @ApiEndpoint({
    summary: 'Submit a subset to a bias-bounty program',
    description:
      "A predicate over the pool's attributes (grammar in docs/bounties.md), optionally with the researcher's own items (stored, never used in the test). It is tested on the sealed pool as soon as the pool run has succeeded, in arrival order under LORD++: the answer is `pending` until then. Audited.",
    responses: [
      {
        status: 201,
        description: 'The submission, decided if the pool run has succeeded.',
        schema: researcherBountySubmissionSchema,
      },
    ],
    params: programParam,
    problems: [
      programNotFound,
      {
        status: 409,
        description:
          'The program is closed or has used its budget, or this subset (in canonical form) was already submitted.',
      },
      {
        status: 422,
        description:
          '`items` were read but are not valid slice rows: `errors` names each item and field (`items[0].references`).',
      },
      {
        status: 429,
        description:
          "This key has made the program's `dailyLimit` submissions in the past 24 hours (`Retry-After`), or a rate limit.",
      },
    ],
  })
  @ApiZodBody(submissionSchema, { examples: EXAMPLES.bountySubmission })
  submit(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(submissionSchema)) body: SubmissionBody,
  ) {
    return this.submissions.submit(principal, id, body);
  }

  @Get(':id/submissions')
  @Roles('admin', 'ml', 'researcher')
  @ApiEndpoint({
    summary: "List a bias-bounty program's submissions",
    description:
      'In arrival order (at most 1,000), pending ones decided first if they can be. Admin and ml keys get every submission with every statistic; a researcher key its own, pass or fail only.',
    responses: [
      {
        status: 200,
        description: 'The submissions.',
        schema: z.array(bountySubmissionViewSchema),
      },
    ],
    params: programParam,
    problems: [programNotFound],
  })
  listSubmissions(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.submissions.list(principal, id);
  }

  @Get(':id/submissions/:submissionId')
  @Roles('admin', 'ml', 'researcher')
  @ApiEndpoint({
    summary: 'Get a bias-bounty submission',
    description:
      'Decided first if it can be. Admin and ml keys get every statistic; a researcher key only its own submissions, pass or fail and the rounded effect.',
    responses: [
      { status: 200, description: 'The submission.', schema: bountySubmissionViewSchema },
    ],
    params: { ...programParam, submissionId: uuidParam('submission') },
    problems: [
      {
        status: 404,
        description:
          "No such program or submission, or not visible to this researcher key (another program, another researcher's submission).",
      },
    ],
  })
  getSubmission(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('submissionId', UuidParamPipe) submissionId: string,
  ) {
    return this.submissions.get(principal, id, submissionId);
  }

  @Get(':id/leaderboard')
  @Roles('admin', 'ml', 'researcher')
  @ApiEndpoint({
    summary: "Get a bias-bounty program's leaderboard",
    description:
      'Accepted findings, largest rounded effect first, each credited to its researcher (the key’s name). Every researcher of the program sees it.',
    responses: [
      {
        status: 200,
        description: 'The accepted findings.',
        schema: z.array(leaderboardEntrySchema),
      },
    ],
    params: programParam,
    problems: [programNotFound],
  })
  leaderboard(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.submissions.leaderboard(principal, id);
  }
}
