// The untyped CommonJS packages behind the embedded CouchDB engine, typed only as far as server/ uses them.
declare module 'express-pouchdb' {
  import type { Express } from 'express';
  interface CouchConfig {
    get(section: string, key: string): unknown;
    set(section: string, key: string, value: unknown, callback: (error: Error | null) => void): void;
  }
  interface ExpressPouchDB extends Express {
    couchConfig: CouchConfig;
  }
  function expressPouchDB(PouchDB: unknown, options: Record<string, unknown>): ExpressPouchDB;
  export default expressPouchDB;
}
declare module 'pouchdb-core' {
  interface PouchDBStatic {
    plugin(plugin: unknown): PouchDBStatic;
    defaults(options: Record<string, unknown>): PouchDBStatic;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-leveldb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
declare module 'pouchdb-auth/lib/utils.js' {
  export let hashPassword: (password: string, salt: string, iterations: number) => Promise<string>;
}
