import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EnrollResponse } from '@tcpfleet/model';
import { bearerOf } from '../auth/secrets';
import { EnrollDto, EnrollResponseDto } from './enroll.dto';
import { EnrollService } from './enroll.service';

@ApiTags('agents')
@Controller('v1/enroll')
export class EnrollController {
  constructor(private readonly enrolment: EnrollService) {}

  @Post()
  @HttpCode(201)
  @ApiBearerAuth('enrollSecret')
  @ApiOperation({ summary: 'Exchange the fleet enrolment secret (Bearer) for a token bound to one host' })
  @ApiResponse({ status: 201, type: EnrollResponseDto })
  @ApiResponse({ status: 400, description: 'A bad field; the body names it' })
  @ApiResponse({ status: 401, description: 'Missing or wrong enrolment secret' })
  @ApiResponse({ status: 403, description: 'Enrolment is disabled (no TCPFLEET_ENROLL_SECRET)' })
  @ApiResponse({ status: 409, description: 'The hostname belongs to a machine with another machine id' })
  enroll(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: EnrollDto,
  ): Promise<EnrollResponse> {
    return this.enrolment.enroll(bearerOf(authorization), body);
  }
}
