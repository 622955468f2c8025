import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { CertificatesService } from './certificates.service';
import { CertificateDto, CertificatePageDto, CertificateQueryDto } from './dto/certificate.dto';
import {
  IssueCertificateDto,
  IssuedCertificateDto,
  IssuedGroupCertificatesDto,
  IssueGroupCertificatesDto,
  RevokeCertificateDto,
} from './dto/issue-certificate.dto';

/** Who may read certificates (each within its scope); finance has no business with them. */
const READERS = ['admin', 'coordinator', 'teacher', 'municipality', 'learner'] as const;
const ISSUERS = ['admin', 'coordinator', 'teacher'] as const;

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly service: CertificatesService) {}

  @Post('certificates')
  @HttpCode(202)
  @Roles(...ISSUERS)
  @ApiOperation({ summary: 'Issue one certificate (level, participation with optional from/to, completion); the PDF is made by the worker' })
  @ApiAcceptedResponse({ type: IssuedCertificateDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async issue(@Body() dto: IssueCertificateDto, @CurrentScope() scope: Scope): Promise<IssuedCertificateDto> {
    const { certificate, extra } = await this.service.issue(dto, scope, async () => null);
    return { certificate, document: extra };
  }

  @Post('groups/:id/certificates')
  @HttpCode(202)
  @Roles(...ISSUERS)
  @ApiOperation({ summary: 'Issue one certificate of a kind for every learner of the group who qualifies; one zip of all PDFs is made by the worker' })
  @ApiAcceptedResponse({ type: IssuedGroupCertificatesDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async issueForGroup(@Param('id', UuidPipe) id: string, @Body() dto: IssueGroupCertificatesDto, @CurrentScope() scope: Scope): Promise<IssuedGroupCertificatesDto> {
    const { certificates, skipped, extra } = await this.service.issueForGroup(id, dto, scope, async () => null);
    return { certificates, skipped, document: extra };
  }

  @Get('certificates')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Certificates in the caller\'s scope, newest first; filters learnerId, trajectoryId, groupId, kind, status, from, to, number' })
  @ApiOkResponse({ type: CertificatePageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() q: CertificateQueryDto, @CurrentScope() scope: Scope): Promise<CertificatePageDto> {
    return this.service.list(q, scope);
  }

  @Get('certificates/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One certificate' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<CertificateDto> {
    return this.service.get(id, scope);
  }

  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Revoke a certificate with a reason (coordinator); the verification page then shows it as revoked' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(@Param('id', UuidPipe) id: string, @Body() dto: RevokeCertificateDto, @CurrentScope() scope: Scope): Promise<CertificateDto> {
    return this.service.revoke(id, dto.reason, scope);
  }

  @Post('certificates/:id/regenerate')
  @HttpCode(202)
  @Roles(...ISSUERS)
  @ApiOperation({ summary: 'Make the PDF again (current template and name) with the same number, code and facts' })
  @ApiAcceptedResponse({ type: IssuedCertificateDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async regenerate(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope): Promise<IssuedCertificateDto> {
    const { certificate, extra } = await this.service.regenerate(id, scope, async () => null);
    return { certificate, document: extra };
  }
}
