package io.touchstone.domain.survey;

public enum QuestionType { NPS, CSAT, CES, FREE_TEXT, SINGLE_CHOICE }
