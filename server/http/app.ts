import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from 'helmet';
import { AppError } from '../core/errors.ts';
import { noStoreByDefault } from '../core/http/cache-control.ts';
import type { App, AppDeps } from '../core/http/types.ts';
import { authPlugin } from './auth.ts';
import { sendError } from './error-handler.ts';
import { guardInput } from './input-guard.ts';
import { loggingOf } from './logging.ts';
import { registerRoutes } from './routes.ts';
import { hasWebApp, sendPage, serveWebApp, wantsPage } from './static.ts';
import { singleIdsOfRoute, validatorCompiler } from './validation.ts';

export const APP_DIST = path.resolve(import.meta.dirname, '../../dist/app');

export type BuildOptions = Omit<AppDeps, 'readDatabase'> & {
  /** The statistics' read replica; the primary (`database`) by default. */
  readDatabase?: AppDeps['readDatabase'];
  logger?: FastifyServerOptions['logger'];
  serveApp?: boolean;
  /** The built web app (dist/app by default). */
  appDist?: string;
};

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config } = options;
  const app = Fastify({
    ...loggingOf(config, options.logger),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Malformed or overlong URLs are answered by the router itself unless handed to us here;
    // no hooks run for them, so the headers the hooks would add are set here.
    frameworkErrors: (error, request, reply) => {
      reply.headers({
        'x-request-id': request.id,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      sendError(error, request, reply);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler());
  app.addHook('onRoute', singleIdsOfRoute);
  app.decorate('deps', {
    config: options.config,
    database: options.database,
    readDatabase: options.readDatabase ?? options.database,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  guardInput(app);
  noStoreByDefault(app);

  // Built once: the plugin @fastify/helmet builds helmet's middleware again for every request.
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.secureCookies,
  });
  app.addHook('onRequest', (request, reply, done) => secureHeaders(request.raw, reply.raw, () => done()));
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yiwang (一网) API',
        version: '0.1.0',
        description: '一网通办 integrated government service platform',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yw_session' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);
  await app.register(registerRoutes, { prefix: '/api' });

  const appDist = options.appDist ?? APP_DIST;
  const serveApp = (options.serveApp ?? true) && hasWebApp(appDist);
  if (serveApp) await serveWebApp(app, appDist);
  app.setNotFoundHandler((request, reply) => {
    if (serveApp && wantsPage(request)) return sendPage(reply);
    return sendError(new AppError('request.not_found'), request, reply);
  });
  return app;
}
