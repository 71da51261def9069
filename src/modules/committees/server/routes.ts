/**
 * The committees API. Public: bodies with their rules and counts, the calendar of public meetings
 * (JSON and one iCalendar feed per body), a public meeting with its published agenda (and the
 * agenda's documents) and minutes, roundtable registration and its cancellation by token.
 * Secretariat (admins and officers): bodies' rules, members, meetings, agendas and their uploaded
 * documents, attendance, minutes, decisions and recommendations, and the registrants (personal data,
 * each read logged). Members (committee): internal meetings, comments. Departments: the
 * recommendations addressed to them, and their answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { currentCity } from '../../../kernel/server/city/city.ts';
import { callerOf, runCommand } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { acceptFileUploads, sendStoredFile } from '../../../kernel/server/files/index.ts';
import { declareFileRoutes } from '../../../kernel/server/files/routes.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  agendaFileSchema,
  agendaItemInputSchema,
  attendanceInputSchema,
  bodyIdParams,
  bodyListSchema,
  bodyRulesSchema,
  cancellationInputSchema,
  cancellationResultSchema,
  commentInputSchema,
  createBodySchema,
  createdSchema,
  decisionInputSchema,
  documentIdParams,
  idParams,
  meetingDetailSchema,
  meetingInputSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingUpdateSchema,
  memberInputSchema,
  memberListSchema,
  memberUpdateSchema,
  minutesInputSchema,
  minutesTransitionSchema,
  quorumSchema,
  registrantListSchema,
  registrationInputSchema,
  registrationResultSchema,
  termAlertQuerySchema,
  versionSchema,
} from '../contract.ts';
import { attachAgendaFile, readAgendaFile, removeAgendaFile } from './commands/agenda-files.ts';
import {
  addAgendaItem,
  addComment,
  addDecision,
  createMeeting,
  recordAttendance,
  saveMinutes,
  transitionMinutes,
  updateMeeting,
} from './commands/meetings.ts';
import { addMember, createBody, updateBodyRules, updateMember } from './commands/members.ts';
import { cancelRegistration, readRegistrants, register } from './commands/registrations.ts';
import { calendarFeed } from './ics.ts';
import { insiders, isInsider, isSecretariat, secretariat } from './policy.ts';
import { listBodies, listMeetings, listMembers, meetingDetail } from './queries.ts';

const tags = ['committees'];
const bodyMembersParams = bodyIdParams;

export function committeesRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const keys = keyring(kernel.config);
  const cache = new PublicCache();
  const inCommand = <T>(request: FastifyRequest, command: Parameters<typeof runCommand<T>>[2]) =>
    runCommand(db, callerOf(request).actor, command);

  acceptFileUploads(app);

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public' || request.user)
      reply.header('cache-control', 'no-store');
  });

  app.get(
    '/committees/bodies',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Committees, joint meetings and roundtables: rules, seats and vacancies, meetings per year, historical counts',
        response: { 200: bodyListSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('bodies', async () =>
        jsonBody(bodyListSchema, { bodies: await listBodies(db) }),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/committees/bodies',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Create a body (e.g. a subcommittee) with its rules',
        body: createBodySchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await inCommand(request, (context) => createBody(context, request.body));
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/committees/bodies/:id/rules',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: "Change a body's rules: seats, term length, meetings required per year, quorum",
        params: bodyIdParams,
        body: bodyRulesSchema,
        response: { 200: versionSchema },
      },
    },
    async (request) =>
      inCommand(request, (context) => updateBodyRules(context, request.params.id, request.body)),
  );

  app.get(
    '/committees/bodies/:id/members',
    {
      config: { access: insiders },
      schema: {
        tags,
        summary:
          "A body's members whose terms have not ended: position, recommended by, term, gender, sector",
        params: bodyMembersParams,
        response: { 200: memberListSchema },
      },
    },
    async (request) => ({ members: await listMembers(db, { bodyId: request.params.id }) }),
  );

  app.post(
    '/committees/bodies/:id/members',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Seat a member (refused when the seats for that term are all taken)',
        params: bodyIdParams,
        body: memberInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await inCommand(request, (context) =>
        addMember(context, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/committees/members/:id',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: "Change a member's position or term (with the version read)",
        params: idParams,
        body: memberUpdateSchema,
        response: { 200: versionSchema },
      },
    },
    async (request) =>
      inCommand(request, (context) => updateMember(context, request.params.id, request.body)),
  );

  app.get(
    '/committees/term-alerts',
    {
      config: { access: insiders },
      schema: {
        tags,
        summary: 'Members whose terms end within the given days (default 60)',
        querystring: termAlertQuerySchema,
        response: { 200: memberListSchema },
      },
    },
    async (request) => ({ members: await listMembers(db, { endingWithinDays: request.query.days }) }),
  );

  app.get(
    '/committees/meetings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The calendar: public meetings (members and the secretariat also see internal ones)',
        querystring: meetingListQuerySchema,
        response: { 200: meetingListSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, year } = request.query;
      if (isInsider(request.user)) {
        return { meetings: await listMeetings(db, { bodyId, year, includeInternal: true }) };
      }
      const entry = await cache.get(`meetings:${bodyId ?? ''}:${year ?? ''}`, async () =>
        jsonBody(meetingListSchema, {
          meetings: await listMeetings(db, { bodyId, year, includeInternal: false }),
        }),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/committees/bodies/:id/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A body's public meetings as an iCalendar (RFC 5545) feed",
        params: bodyIdParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const entry = await cache.get(`ics:${id}`, async () => {
        const body = (await listBodies(db)).find((candidate) => candidate.id === id);
        if (!body) return undefined;
        const meetings = await listMeetings(db, { bodyId: id, includeInternal: false });
        const host = currentCity().uidHost;
        return {
          body: calendarFeed(
            {
              id,
              name: `${body.name.ko} (${body.name.en})`,
              host,
              url: (meetingId) => `/committees/meetings/${meetingId}`,
            },
            meetings,
          ),
          contentType: 'text/calendar; charset=utf-8',
        };
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/committees/meetings',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Schedule a meeting',
        body: meetingInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await inCommand(request, (context) => createMeeting(context, request.body));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/committees/meetings/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A meeting: public ones with their published agenda and minutes; internal details for members and the secretariat',
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (isInsider(request.user)) {
        return meetingDetail(db, kernel.recommendations, id, {
          insider: true,
          secretariat: isSecretariat(request.user),
        });
      }
      const entry = await cache.get(`meeting:${id}`, async () =>
        jsonBody(
          meetingDetailSchema,
          await meetingDetail(db, kernel.recommendations, id, { insider: false, secretariat: false }),
        ),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.put(
    '/committees/meetings/:id',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: "Change a meeting's details (with the version read)",
        params: idParams,
        body: meetingUpdateSchema,
        response: { 200: versionSchema },
      },
    },
    async (request) =>
      inCommand(request, (context) =>
        updateMeeting(context, kernel.recommendations, request.params.id, request.body),
      ),
  );

  app.post(
    '/committees/meetings/:id/agenda-items',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Add an agenda item with its documents',
        params: idParams,
        body: agendaItemInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await inCommand(request, (context) =>
        addAgendaItem(context, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  declareFileRoutes(app, {
    tags,
    path: '/committees/agenda-items/:id/files',
    params: idParams,
    attach: {
      access: secretariat,
      summary:
        'Attach a document to an agenda item: the file is the body (PDF, PNG, JPEG or WebP, decided from its content), its name in `name`',
      response: agendaFileSchema,
      run: ({ actor }, { id, upload }) =>
        runCommand(db, actor, (context) => attachAgendaFile(context, keys, id, upload)),
    },
    remove: {
      access: secretariat,
      summary:
        "Remove a document from an agenda item, until the meeting's agenda is published (then it is part of the public record)",
      run: ({ actor }, { id, fileId }) =>
        runCommand(db, actor, (context) => removeAgendaFile(context, id, fileId)),
    },
  });

  app.get(
    '/committees/documents/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Download an agenda document: anyone once the public meeting's agenda is published, the secretariat before",
        params: documentIdParams,
      },
    },
    async (request, reply) => {
      const { file, bytes } = await readAgendaFile(db, keys, request.params.id, isInsider(request.user));
      return sendStoredFile(reply, file, bytes);
    },
  );

  app.put(
    '/committees/meetings/:id/attendance',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Record attendance; answers the quorum',
        params: idParams,
        body: attendanceInputSchema,
        response: { 200: quorumSchema },
      },
    },
    async (request) =>
      inCommand(request, (context) => recordAttendance(context, request.params.id, request.body)),
  );

  app.put(
    '/committees/meetings/:id/minutes',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Write the minutes (a draft; approved minutes edited become a draft again)',
        params: idParams,
        body: minutesInputSchema,
        response: { 200: versionSchema },
      },
    },
    async (request) => inCommand(request, (context) => saveMinutes(context, request.params.id, request.body)),
  );

  app.post(
    '/committees/meetings/:id/minutes/transitions',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Approve the draft minutes, or publish approved ones',
        params: idParams,
        body: minutesTransitionSchema,
        response: { 200: versionSchema },
      },
    },
    async (request) =>
      inCommand(request, (context) =>
        transitionMinutes(context, kernel.recommendations, request.params.id, request.body),
      ),
  );

  app.post(
    '/committees/meetings/:id/decisions',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Record a decision, with its recommendations to departments',
        params: idParams,
        body: decisionInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await inCommand(request, (context) =>
        addDecision(context, kernel.recommendations, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/committees/meetings/:id/comments',
    {
      config: { access: insiders },
      schema: {
        tags,
        summary: "A member's comment on a meeting's agenda",
        params: idParams,
        body: commentInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await inCommand(request, (context) =>
        addComment(context, request.params.id, request.body.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/committees/meetings/:id/registrations',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'The registrants with names and contacts (personal data; every read is logged)',
        params: idParams,
        response: { 200: registrantListSchema },
      },
    },
    async (request) => inCommand(request, (context) => readRegistrants(context, keys, request.params.id)),
  );

  app.post(
    '/committees/meetings/:id/registrations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Register for a roundtable: a seat while they last, then the waiting list; answers the cancellation token once',
        params: idParams,
        body: registrationInputSchema,
        response: { 201: registrationResultSchema },
      },
    },
    async (request, reply) => {
      const result = await runCommand(db, callerOf(request, { public: true }).actor, (context) =>
        register(context, keys, request.params.id, request.body),
      );
      return reply.code(201).header('cache-control', 'no-store').send(result);
    },
  );

  app.post(
    '/committees/registrations/cancellations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Cancel a registration by its token; the first on the waiting list takes the seat',
        body: cancellationInputSchema,
        response: { 200: cancellationResultSchema },
      },
    },
    async (request, reply) => {
      const result = await runCommand(db, callerOf(request, { public: true }).actor, (context) =>
        cancelRegistration(context, request.body.token),
      );
      return reply.header('cache-control', 'no-store').send(result);
    },
  );
}
