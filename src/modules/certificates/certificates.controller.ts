import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentScope, Roles } from '../../common/auth/auth.decorators';
import { Scope } from '../../common/auth/scope';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { UuidPipe } from '../../common/http/uuid-param.pipe';
import { DocumentView } from '../documents/dto/document.dto';
import { CertificateDocuments } from './certificate-documents';
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
  constructor(
    private readonly service: CertificatesService,
    private readonly documents: CertificateDocuments,
  ) {}

  @Post('certificates')
  @HttpCode(202)
  @Roles(...ISSUERS)
  @ApiOperation({ summary: 'Issue one certificate (level, participation with optional from/to, completion); the PDF is made by the worker' })
  @ApiAcceptedResponse({ type: IssuedCertificateDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async issue(@Body() dto: IssueCertificateDto, @CurrentScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply): Promise<IssuedCertificateDto> {
    const { certificate, extra } = await this.service.issue(dto, scope, (m, c) => this.documents.pdf(m, c, scope));
    void reply.header('location', `/api/v1/documents/${extra.id}`);
    return { certificate: { ...certificate, documentId: extra.id }, document: extra };
  }

  @Post('groups/:id/certificates')
  @HttpCode(202)
  @Roles(...ISSUERS)
  @ApiOperation({ summary: 'Issue one certificate of a kind for every learner of the group who qualifies; one zip of all PDFs is made by the worker' })
  @ApiAcceptedResponse({ type: IssuedGroupCertificatesDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async issueForGroup(
    @Param('id', UuidPipe) id: string,
    @Body() dto: IssueGroupCertificatesDto,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssuedGroupCertificatesDto> {
    const { certificates, skipped, extra } = await this.service.issueForGroup(id, dto, scope, (m, list) => this.documents.zip(m, id, list, scope));
    void reply.header('location', `/api/v1/documents/${extra.id}`);
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
  async regenerate(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply): Promise<IssuedCertificateDto> {
    const { certificate, extra } = await this.service.regenerate(id, scope, (m, c) => this.documents.pdf(m, c, scope, true));
    void reply.header('location', `/api/v1/documents/${extra.id}`);
    return { certificate, document: extra };
  }

  @Post('certificates/:id/document')
  @Roles(...READERS)
  @ApiOperation({
    summary: "The certificate's PDF for the caller: its current document (200) when the caller may open it, else a new request (202); e.g. for one issued in bulk",
  })
  @ApiOkResponse({ type: DocumentView })
  @ApiAcceptedResponse({ type: DocumentView })
  @ApiProblems(400, 401, 403, 404, 409)
  async document(@Param('id', UuidPipe) id: string, @CurrentScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply): Promise<DocumentView> {
    const { document, created } = await this.service.document(id, scope, (m, c) => this.documents.current(m, c, scope), (m, c) => this.documents.pdf(m, c, scope));
    void reply.code(created ? 202 : 200).header('location', `/api/v1/documents/${document.id}`);
    return document;
  }
}
