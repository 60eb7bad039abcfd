import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from './error-response.js';

/** The only exception filter: every error leaves the API as `{"error": {code, message, details?}}`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body, unexpected } = toErrorResponse(exception);
    const where = `${request.method} ${redactPath(request.originalUrl)}`;
    if (unexpected) {
      // The stack goes to the log only; the caller gets a generic message.
      this.logger.error(`${where} failed`, exception instanceof Error ? exception.stack : String(exception));
    } else if (status >= 500) {
      this.logger.warn(`${where}: ${body.error.message} (${describe(exception)})`);
    }
    if (response.headersSent) return;
    // RFC 6750: a 401 names the scheme the caller should use.
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(status).json(body);
  }
}

/** Docker Hub cannot sign its hooks: its secret token is the last segment of the path. */
export function redactPath(path: string): string {
  return path.replace(/^(\/v1\/hooks\/dockerhub\/[^/?]+\/)[^/?]+/, '$1***');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? exception.message : String(exception);
}
