/**
 * `@ringflow/io`: files, images and networks for ringflow pipelines: WAV streams, PNG/SVG plots;
 * ZeroMQ edges live in `@ringflow/io/zmq`. Node-side.
 *
 * @packageDocumentation
 */
export {};
