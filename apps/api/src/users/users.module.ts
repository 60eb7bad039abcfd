import { UsersListController } from './users-list.controller.js';
import { Module } from '@nestjs/common';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ controllers: [UsersListController, UsersController], providers: [UsersService] })
export class UsersModule {}
