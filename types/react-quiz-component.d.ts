// react-quiz-component ships no types; these cover what features/learning/components/PracticeQuiz uses.
declare module "react-quiz-component" {
  import type { ComponentType } from "react";
  export type QuizQuestion = {
    question: string;
    questionType: "text" | "photo";
    answerSelectionType: "single" | "multiple";
    answers: string[];
    correctAnswer: string | number[];
    messageForCorrectAnswer?: string;
    messageForIncorrectAnswer?: string;
    explanation?: string;
    point?: string;
  };
  export type QuizSource = { quizTitle: string; quizSynopsis?: string; nrOfQuestions?: string; questions: QuizQuestion[]; appLocale?: Record<string, string> };
  export type QuizProps = {
    quiz: QuizSource;
    shuffle?: boolean;
    showInstantFeedback?: boolean;
    showDefaultResult?: boolean;
    onComplete?: (summary: { userInput?: (number | number[])[]; numberOfCorrectAnswers?: number; numberOfQuestions?: number }) => void;
  };
  const Quiz: ComponentType<QuizProps>;
  export default Quiz;
}
