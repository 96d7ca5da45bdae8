package io.podium.udf;

import java.io.Serializable;

/**
 * One model answer to one request, as inference inside a Spark task produces it (a JavaBean,
 * for Spark's bean encoder). The job adds the run's columns and writes it to predictions.
 */
public class Prediction implements Serializable {
  private static final long serialVersionUID = 1L;

  private String requestId;
  private String benchmark;
  private String subtask;
  private int docId;
  private int requestIndex;
  private String requestType;
  private String requestHash;
  private Double loglikelihood;
  private Boolean isGreedy;
  private Integer continuationTokens;
  private float[] tokenLogprobs;
  private Integer contextTokens;
  private String generatedText;
  private Integer generatedTokens;
  private String stopReason;
  private String device;
  private String executionProvider;
  private String gpuAddress;
  private String executorId;
  private long taskAttemptId;
  private double latencyMs;

  public String getRequestId() {
    return requestId;
  }

  public void setRequestId(String requestId) {
    this.requestId = requestId;
  }

  public String getBenchmark() {
    return benchmark;
  }

  public void setBenchmark(String benchmark) {
    this.benchmark = benchmark;
  }

  public String getSubtask() {
    return subtask;
  }

  public void setSubtask(String subtask) {
    this.subtask = subtask;
  }

  public int getDocId() {
    return docId;
  }

  public void setDocId(int docId) {
    this.docId = docId;
  }

  public int getRequestIndex() {
    return requestIndex;
  }

  public void setRequestIndex(int requestIndex) {
    this.requestIndex = requestIndex;
  }

  public String getRequestType() {
    return requestType;
  }

  public void setRequestType(String requestType) {
    this.requestType = requestType;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public void setRequestHash(String requestHash) {
    this.requestHash = requestHash;
  }

  public Double getLoglikelihood() {
    return loglikelihood;
  }

  public void setLoglikelihood(Double loglikelihood) {
    this.loglikelihood = loglikelihood;
  }

  public Boolean getIsGreedy() {
    return isGreedy;
  }

  public void setIsGreedy(Boolean isGreedy) {
    this.isGreedy = isGreedy;
  }

  public Integer getContinuationTokens() {
    return continuationTokens;
  }

  public void setContinuationTokens(Integer continuationTokens) {
    this.continuationTokens = continuationTokens;
  }

  public float[] getTokenLogprobs() {
    return tokenLogprobs;
  }

  public void setTokenLogprobs(float[] tokenLogprobs) {
    this.tokenLogprobs = tokenLogprobs;
  }

  public Integer getContextTokens() {
    return contextTokens;
  }

  public void setContextTokens(Integer contextTokens) {
    this.contextTokens = contextTokens;
  }

  public String getGeneratedText() {
    return generatedText;
  }

  public void setGeneratedText(String generatedText) {
    this.generatedText = generatedText;
  }

  public Integer getGeneratedTokens() {
    return generatedTokens;
  }

  public void setGeneratedTokens(Integer generatedTokens) {
    this.generatedTokens = generatedTokens;
  }

  public String getStopReason() {
    return stopReason;
  }

  public void setStopReason(String stopReason) {
    this.stopReason = stopReason;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public double getLatencyMs() {
    return latencyMs;
  }

  public void setLatencyMs(double latencyMs) {
    this.latencyMs = latencyMs;
  }

  public String getExecutionProvider() {
    return executionProvider;
  }

  public void setExecutionProvider(String executionProvider) {
    this.executionProvider = executionProvider;
  }

  public String getGpuAddress() {
    return gpuAddress;
  }

  public void setGpuAddress(String gpuAddress) {
    this.gpuAddress = gpuAddress;
  }

  public String getExecutorId() {
    return executorId;
  }

  public void setExecutorId(String executorId) {
    this.executorId = executorId;
  }

  public long getTaskAttemptId() {
    return taskAttemptId;
  }

  public void setTaskAttemptId(long taskAttemptId) {
    this.taskAttemptId = taskAttemptId;
  }
}
