/**
 * What puts records on the topics: the question feeder and its datasets ({@code feed}), the generator workers with
 * their OpenAI-compatible and DJL backends ({@code generate}), the importer of existing generations ({@code
 * imports}), the offline sample writer ({@code samples}) and the synthetic dataset ({@code synthetic}).
 */
package io.east.producers;
