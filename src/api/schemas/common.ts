/** Schemas shared by every route: errors and asset references. */
import { Type } from 'typebox';
import { ASSET_ID_PATTERN } from '../../search/asset-locator.ts';

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
  },
  { $id: 'ErrorResponse', description: 'Every 4xx/5xx answer: the status, its name and what was wrong.' },
);

export const AssetIdParams = Type.Object({
  id: Type.String({
    pattern: ASSET_ID_PATTERN,
    description: 'Asset id, e.g. SUB-0001, XFMR-000123, MTR-0000042',
  }),
});

export const NamedRef = Type.Object({ id: Type.String(), name: Type.String() });

export const errorResponses = {
  400: ErrorResponse,
  404: ErrorResponse,
};
