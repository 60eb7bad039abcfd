import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { toGrpcError } from './grpc-status.js';

/** The gRPC counterpart of ApiExceptionFilter: every error leaves as a mapped gRPC status. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Grpc');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const { error, response } = toGrpcError(exception);
    // The third argument of a gRPC handler is the call, whose path names the method.
    const where = (host.getArgByIndex(2) as { getPath?: () => string } | undefined)?.getPath?.() ?? 'gRPC';
    if (response.unexpected) {
      // The stack goes to the log only; the caller gets a generic message.
      this.logger.error(`${where} failed`, exception instanceof Error ? exception.stack : String(exception));
    } else if (response.status >= 500) {
      this.logger.warn(`${where}: ${error.message} (${describe(exception)})`);
    }
    return throwError(() => error);
  }
}

function describe(exception: unknown): string {
  return exception instanceof Error ? exception.message : String(exception);
}
