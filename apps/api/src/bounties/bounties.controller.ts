import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../common/api-body.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ZodPipe } from '../common/zod-body.pipe';
import { Auth, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import {
  createBountySchema,
  submissionSchema,
  type CreateBountyBody,
  type SubmissionBody,
} from './bounty.dto';
import { BountiesService } from './bounties.service';
import { BountySubmissionsService } from './bounty-submissions.service';

/**
 * Bias bounties (docs/bounties.md): the ML team opens programs; researcher keys, each bound to one
 * program, read its public sample, submit subsets and see the leaderboard — nothing else.
 */
@ApiTags('bounties')
@ApiBearerAuth()
@Controller('v1/bounties')
export class BountiesController {
  constructor(
    private readonly programs: BountiesService,
    private readonly submissions: BountySubmissionsService,
  ) {}

  @Post()
  @Roles('admin', 'ml')
  @ApiZodBody(createBountySchema)
  create(
    @Auth() principal: Principal,
    @Body(new ZodPipe(createBountySchema)) body: CreateBountyBody,
  ) {
    return this.programs.create(principal, body);
  }

  @Get()
  @Roles('admin', 'ml')
  list() {
    return this.programs.list();
  }

  @Get(':id')
  @Roles('admin', 'ml', 'researcher')
  get(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.programs.get(principal, id);
  }

  @Post(':id/close')
  @Roles('admin', 'ml')
  @HttpCode(200)
  close(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.programs.close(principal, id);
  }

  @Post(':id/submissions')
  @Roles('researcher')
  @ApiZodBody(submissionSchema)
  submit(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(submissionSchema)) body: SubmissionBody,
  ) {
    return this.submissions.submit(principal, id, body);
  }

  @Get(':id/submissions')
  @Roles('admin', 'ml', 'researcher')
  listSubmissions(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.submissions.list(principal, id);
  }

  @Get(':id/submissions/:submissionId')
  @Roles('admin', 'ml', 'researcher')
  getSubmission(
    @Auth() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('submissionId', UuidParamPipe) submissionId: string,
  ) {
    return this.submissions.get(principal, id, submissionId);
  }

  @Get(':id/leaderboard')
  @Roles('admin', 'ml', 'researcher')
  leaderboard(@Auth() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.submissions.leaderboard(principal, id);
  }
}
