import { Injectable, ValidationPipe } from '@nestjs/common';
import { validationExceptionFactory } from '../errors/validation-details.js';

/**
 * The HTTP app's global ValidationPipe (create-app.ts) does not reach the gRPC handlers: this is the
 * same pipe with the same options, so a request is refused over gRPC exactly as over REST.
 */
@Injectable()
export class RpcValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    });
  }
}
