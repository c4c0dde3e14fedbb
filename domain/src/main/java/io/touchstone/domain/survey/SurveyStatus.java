package io.touchstone.domain.survey;

public enum SurveyStatus { DRAFT, PUBLISHED }
