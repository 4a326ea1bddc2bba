import { Module } from '@nestjs/common';
import { EnrollController } from './enroll.controller';
import { EnrollRepository } from './enroll.repository';
import { EnrollService } from './enroll.service';

@Module({ controllers: [EnrollController], providers: [EnrollRepository, EnrollService] })
export class EnrollModule {}
