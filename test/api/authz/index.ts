import type { AuthzContext, RouteCase } from './types.js';

/** Each area of the app keeps its rows in its own file; list them here. */
const AREAS: ((ctx: AuthzContext) => RouteCase[])[] = [];

export const areaCases = (ctx: AuthzContext): RouteCase[] => AREAS.flatMap((f) => f(ctx));
