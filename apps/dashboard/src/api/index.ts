export { ApiProvider, useApi } from './api-context';
export { ApiError, errorMessages, isApiError } from './api-error';
export { type ApiClient, type ApiClientOptions, CSRF_HEADER, createApiClient } from './client';
export { type Api, createApi } from './endpoints';
export * from './types';
