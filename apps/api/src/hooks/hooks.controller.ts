import { applyDecorators, Controller, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AcceptedEventView, HookPingView } from '@herald/contracts';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { HOOK_PING_SCHEMA } from './hook-ping.schema.js';
import { HooksService } from './hooks.service.js';
import type { InboundHook } from './inbound-hook.js';

/**
 * Providers cannot send an API key: each hook is authenticated by its provider's own mechanism
 * with the secret stored for its source. The body arrives as raw bytes (see hook-body-parser.ts).
 */
@ApiTags('hooks')
@Controller('v1/hooks')
@Public()
export class HooksController {
  constructor(private readonly hooks: HooksService) {}

  @Post('dockerhub/:account/:token')
  @HookAnswers()
  @ApiOperation({
    summary: 'Receive a Docker Hub hook',
    description: 'Docker Hub cannot sign: the source secret is the last path segment. No API key.',
  })
  @HttpCode(HttpStatus.ACCEPTED)
  dockerHub(
    @Param('account') account: string,
    @Param('token') token: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptedEventView | HookPingView> {
    return this.receive('dockerhub', { account, token, ...received(request) }, response);
  }

  @Post(':provider/:account')
  @HookAnswers()
  @ApiOperation({
    summary: 'Receive a GitHub, Phabricator or generic hook',
    description:
      'No API key: GitHub `X-Hub-Signature-256`, Phabricator `X-Phabricator-Webhook-Signature`, generic ' +
      '`X-Herald-Timestamp` + `X-Herald-Signature`, each with the source secret. A GitHub `ping` answers `200`.',
  })
  @ApiOkResponse({ schema: HOOK_PING_SCHEMA as never })
  @HttpCode(HttpStatus.ACCEPTED)
  receiveHook(
    @Param('provider') provider: string,
    @Param('account') account: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptedEventView | HookPingView> {
    return this.receive(provider, { account, ...received(request) }, response);
  }

  private async receive(
    provider: string,
    hook: InboundHook,
    response: Response,
  ): Promise<AcceptedEventView | HookPingView> {
    const outcome = await this.hooks.receive(provider, hook);
    if (outcome.kind === 'ping') {
      response.status(HttpStatus.OK);
    } else if (outcome.replayed) {
      response.setHeader('Idempotent-Replayed', 'true');
    }
    return outcome.view;
  }
}

function received(request: Request): Pick<InboundHook, 'body' | 'headers'> {
  // No body at all leaves `body` unset; it then verifies (and parses) as the empty string.
  return { body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), headers: request.headers };
}

/** What every hook route takes and answers, for the OpenAPI document. */
function HookAnswers(): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: { type: 'object' }, description: "The provider's payload, verified as received" }),
    ApiAcceptedResponse({ schema: viewRef('AcceptedEventView') }),
    ApiResponse({
      status: 403,
      description: '`forbidden`: the signature (or Docker Hub token) is missing or wrong',
      content: { 'application/json': { schema: viewRef('ErrorEnvelope') } },
    }),
    ApiErrors(400, 404, 413, 422, 503),
  );
}
