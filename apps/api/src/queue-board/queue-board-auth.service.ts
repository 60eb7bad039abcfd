import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@herald/contracts';
import { type ApiKeyRecord, HeraldData } from '@herald/data';
import type { RequestHandler } from 'express';
import { hashApiKey, hasScope, unauthorized } from '../auth/api-key-credentials.js';
import { ApiScope } from '../auth/api-scope.enum.js';
import { ApiError } from '../errors/api-error.js';
import { toErrorResponse } from '../errors/error-response.js';
import { basicPassword } from './basic-credentials.js';

/** What a browser needs to ask for the password; the board's 401s always carry it. */
export const QUEUE_BOARD_CHALLENGE = 'Basic realm="Herald queues"';

/**
 * HTTP Basic in front of the board, whose password is an API key with the `admin` scope. The board
 * is Express middleware outside Nest's routing, where the global API-key guard never runs, so the
 * key is checked here with the guard's own pieces (hash, active-key lookup, scope rule).
 */
@Injectable()
export class QueueBoardAuth {
  private readonly logger = new Logger('QueueBoard');

  constructor(private readonly data: HeraldData) {}

  /** The key behind `authorization`; a 401 ApiError without a valid key, a 403 without `admin`. */
  async authenticate(authorization: string | undefined): Promise<ApiKeyRecord> {
    const password = basicPassword(authorization);
    if (password === null) {
      throw unauthorized(
        authorization === undefined
          ? 'Sign in with an API key that has the "admin" scope as the password'
          : 'The Authorization header must be "Basic <base64 of user:api key>"',
      );
    }
    const apiKey = await this.data.apiKeys.findActiveByHash(hashApiKey(password));
    if (!apiKey) throw unauthorized('The API key is not valid');
    if (!hasScope(apiKey.scopes, ApiScope.Admin)) {
      throw new ApiError(ErrorCode.Forbidden, 'The queue board needs an API key with the "admin" scope');
    }
    return apiKey;
  }

  /** Lets a request through to the board, or answers it in the API's error envelope. */
  middleware(): RequestHandler {
    return (request, response, next) => {
      this.authenticate(request.headers.authorization).then(
        () => next(),
        (error: unknown) => {
          const { status, body, unexpected } = toErrorResponse(error);
          if (unexpected) this.logger.error('Queue board sign-in failed', (error as Error).stack);
          if (status === 401) response.setHeader('WWW-Authenticate', QUEUE_BOARD_CHALLENGE);
          response.status(status).json(body);
        },
      );
    };
  }
}
