/**
 * `@ringflow/io/zmq`: ZeroMQ edges (PUSH/PULL, PUB/SUB) that speak GNU Radio's wire format and
 * ringflow's own. Loads the optional peer dependency `zeromq` only here.
 *
 * @packageDocumentation
 */
export {};
